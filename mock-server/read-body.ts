import type { IncomingMessage } from 'node:http';

import { payloadTooLargeProblem, unreadableProblem } from './problems.js';

/** Bodies above this are refused with 413 as soon as the limit is crossed, never buffered whole. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a request body up to `limitBytes`; a larger one is refused with 413 (and not read on). */
export function readBody(request: IncomingMessage, limitBytes = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    return Promise.reject(payloadTooLargeProblem(limitBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        request.removeAllListeners('data');
        request.pause();
        reject(payloadTooLargeProblem(limitBytes));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * Parses a JSON body. The UTF-8 decoder is fatal so invalid byte sequences are an error rather
 * than silently replaced characters.
 */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) throw unreadableProblem('the request body is empty; send a JSON object');
  let text: string;
  try {
    text = UTF8.decode(raw);
  } catch {
    throw unreadableProblem('the request body is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw unreadableProblem(`the request body is not valid JSON: ${(error as Error).message}`);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
