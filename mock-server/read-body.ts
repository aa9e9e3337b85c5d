import type { IncomingMessage } from 'node:http';

import { exceedsJsonDepth, findPrototypeKey, MAX_JSON_DEPTH } from './json-guard.js';
import { payloadTooLargeProblem, unreadableProblem, validationProblem } from './problems.js';

/** Bodies above this are refused with 413 as soon as the limit is crossed, never buffered whole. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * After a 413, the rest of the body is read and dropped, up to this much, so that a client that
 * keeps sending can finish and read the answer on a connection that stays usable. Past it the
 * connection is cut: nobody honest sends 16 MiB after being told the limit is 1 MiB.
 */
export const MAX_DISCARD_BYTES = 16 * 1024 * 1024;

/** Reads a request body up to `limitBytes`; a larger one is refused with 413 (and not kept). */
export function readBody(request: IncomingMessage, limitBytes = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    discardRest(request);
    return Promise.reject(payloadTooLargeProblem(limitBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) {
        request.off('data', onData);
        chunks.length = 0;
        discardRest(request);
        reject(payloadTooLargeProblem(limitBytes));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function discardRest(request: IncomingMessage): void {
  let discardedBytes = 0;
  request.on('data', (chunk: Buffer) => {
    discardedBytes += chunk.length;
    if (discardedBytes > MAX_DISCARD_BYTES) request.socket.destroy();
  });
  request.resume();
}

/**
 * Parses a JSON body. The UTF-8 decoder is fatal so invalid byte sequences are an error rather
 * than silently replaced characters. Nesting is limited before parsing, and keys that could
 * pollute prototypes are refused after it (json-guard.ts).
 */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) throw unreadableProblem('the request body is empty; send a JSON object');
  let text: string;
  try {
    text = UTF8.decode(raw);
  } catch {
    throw unreadableProblem('the request body is not valid UTF-8');
  }
  if (exceedsJsonDepth(raw)) {
    throw unreadableProblem(
      `the request body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw unreadableProblem(`the request body is not valid JSON: ${(error as Error).message}`);
  }
  const prototypeKey = findPrototypeKey(text, body);
  if (prototypeKey !== undefined) {
    throw validationProblem([
      `${prototypeKey}: this key is not accepted (it could alter object prototypes)`,
    ]);
  }
  return body;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
