/**
 * The kit's error type. Every error a person may read carries a stable `code` (for programs and
 * tests), a message that says what failed, and a `hint` that says what to do next.
 */
export class CdlxError extends Error {
  readonly code: string;
  readonly hint: string | undefined;

  constructor(code: string, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CdlxError';
    this.code = code;
    this.hint = options.hint;
  }
}

/** The command was used wrongly (exit code 2), as opposed to a problem with the material (1). */
export class UsageError extends CdlxError {
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super('CDLX_USAGE', message, options);
    this.name = 'UsageError';
  }
}

/** Formats any thrown value as the lines a person reads: the message, then the hint. */
export function describeError(error: unknown): string {
  if (error instanceof CdlxError) {
    return error.hint ? `${error.message}\n  ${error.hint}` : error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
