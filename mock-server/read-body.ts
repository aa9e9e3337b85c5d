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

/** Where `collectBody` hands the body, or the reason there is none. */
export interface BodySink {
  bodyArrived(raw: Buffer): void;
  bodyFailed(error: unknown): void;
}

/**
 * Reads a request body up to `limitBytes` and hands it to `sink` as soon as its last byte is in;
 * a larger one is refused with 413 (and not kept). Callbacks rather than a promise: the mock's hot
 * path then goes from the body's last byte to its answer in the same turn of the event loop.
 */
export function collectBody(request: IncomingMessage, limitBytes: number, sink: BodySink): void {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    discardRest(request);
    sink.bodyFailed(payloadTooLargeProblem(limitBytes));
    return;
  }
  // Listeners that call methods: no named closure per request (whose name the TypeScript loader
  // would set with a defineProperty call each time).
  const reader = new BodyReader(request, limitBytes, sink);
  request.on('data', (chunk: Buffer) => reader.data(chunk));
  request.on('end', () => reader.end());
  request.on('error', (error) => reader.error(error));
}

class BodyReader {
  private first: Buffer | undefined;
  private more: Buffer[] | undefined;
  private size = 0;
  /** The sink hears once: after a 413 or an error, later chunks, 'end' or 'error' are ignored. */
  private settled = false;

  constructor(
    private readonly request: IncomingMessage,
    private readonly limitBytes: number,
    private readonly sink: BodySink,
  ) {}

  data(chunk: Buffer): void {
    if (this.settled) return;
    this.size += chunk.length;
    if (this.size > this.limitBytes) {
      this.first = this.more = undefined;
      this.settled = true;
      discardRest(this.request);
      this.sink.bodyFailed(payloadTooLargeProblem(this.limitBytes));
      return;
    }
    // Most bodies arrive in one chunk: no array for them.
    if (this.first === undefined) this.first = chunk;
    else (this.more ??= [this.first]).push(chunk);
  }

  end(): void {
    if (this.settled) return;
    this.settled = true;
    this.sink.bodyArrived(this.more ? Buffer.concat(this.more) : (this.first ?? EMPTY));
  }

  error(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.sink.bodyFailed(error);
  }
}

/** `collectBody` as a promise, for callers off the hot path. */
export function readBody(request: IncomingMessage, limitBytes = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    collectBody(request, limitBytes, { bodyArrived: resolve, bodyFailed: reject }),
  );
}

const EMPTY = Buffer.alloc(0);

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
