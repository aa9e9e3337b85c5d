import type { Schema } from '../lib/contract/types.js';

export type ProblemBody = Schema<'Error'>;

/**
 * An error the mock answers with: a status and the contract's error body. Handlers throw it; the
 * server fills in `requestId` and validates the body like any other answer.
 */
export class Problem extends Error {
  readonly status: number;
  readonly type: string;
  readonly validationErrors: string[];
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    type: string,
    title: string,
    validationErrors: string[] = [],
    headers: Record<string, string> = {},
  ) {
    super(title);
    this.status = status;
    this.type = type;
    this.validationErrors = validationErrors;
    this.headers = headers;
  }

  toBody(requestId: string): ProblemBody {
    return {
      type: this.type,
      title: this.message,
      status: this.status,
      validationErrors: this.validationErrors,
      requestId,
    };
  }
}

// The catalogue of error types the mock sends; README "Error types" lists each with an example.
export const validationProblem = (validationErrors: string[], title = 'Bad Request'): Problem =>
  new Problem(400, 'ValidationException', title, validationErrors);

export const unreadableProblem = (reason: string): Problem =>
  new Problem(400, 'HttpMessageNotReadable', 'Request body is missing or is not valid JSON', [
    reason,
  ]);

export const sessionProblem = (title: string): Problem =>
  new Problem(401, 'SessionValidationException', title);

export const unsupportedMediaTypeProblem = (contentType: string | undefined): Problem =>
  new Problem(415, 'UnsupportedMediaType', 'Content-Type must be application/json', [
    `Content-Type: got ${contentType ? JSON.stringify(contentType) : 'none'}`,
  ]);

export const payloadTooLargeProblem = (limitBytes: number): Problem =>
  new Problem(413, 'PayloadTooLarge', `Request body exceeds ${limitBytes} bytes`);

export const internalProblem = (title: string, details: string[] = []): Problem =>
  new Problem(500, 'InternalServerError', title, details);

// Answers to what Node's HTTP parser refuses (client-error.ts); the connection closes after each.
export const malformedRequestProblem = (reason: string): Problem =>
  new Problem(400, 'HttpMessageNotReadable', 'Request is not valid HTTP/1.1', [reason]);

export const headersTooLargeProblem = (limitBytes: number): Problem =>
  new Problem(431, 'RequestHeaderFieldsTooLarge', 'Request headers are too large', [
    `headers: keep them under ${limitBytes} bytes in total`,
  ]);

export const methodNotImplementedProblem = (method: string | undefined): Problem =>
  new Problem(501, 'NotImplemented', `Method ${method ?? 'in the request'} is not supported`, [
    'method: the API uses GET, POST and PUT',
  ]);

export const requestTimeoutProblem = (limits: {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}): Problem =>
  new Problem(408, 'RequestTimeout', 'Request not received in time', [
    `request: headers within ${limits.headersTimeoutMs} ms, the whole request within ${limits.requestTimeoutMs} ms`,
  ]);
