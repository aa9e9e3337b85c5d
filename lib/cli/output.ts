/**
 * How the command line talks: diagnostics to stderr with a `cdlx` tag and a level word, data for
 * other programs (JSON reports) to stdout. Quiet on success apart from one summary line.
 */
export const EXIT_OK = 0;
/** The material (a CSR, a certificate, a connection) has a problem. */
export const EXIT_PROBLEM = 1;
/** The command was used wrongly: unknown flag, missing argument, bad value. */
export const EXIT_USAGE = 2;

const TAG = 'cdlx';

export function printNote(message: string): void {
  process.stderr.write(`${TAG}: ${message}\n`);
}

export function printWarning(message: string): void {
  process.stderr.write(`${TAG} Warning: ${message}\n`);
}

export function printError(message: string): void {
  process.stderr.write(`${TAG} Error: ${message}\n`);
}

/** Writes a machine-readable report to stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
