/**
 * Where the mock writes its diagnostic lines (refused connections, malformed requests). One line
 * per event, never key material, tokens or request bodies.
 */
export type MockLogger = (line: string) => void;

/** Prints nothing: the mock is quiet by default, like the rest of the kit. */
export const QUIET_LOGGER: MockLogger = () => {};

/** The CDLX_DEBUG namespace that turns the mock's lines on. */
export const MOCK_DEBUG_NAMESPACE = 'mock';

/**
 * Whether CDLX_DEBUG turns `namespace` on. The variable is a list separated by commas or spaces,
 * e.g. `CDLX_DEBUG=mock` or `CDLX_DEBUG=mock,cli`; `*` turns everything on.
 */
export function isDebugEnabled(namespace: string, value: string | undefined): boolean {
  if (!value) return false;
  const names = value.split(/[\s,]+/).map((name) => name.trim().toLowerCase());
  return names.includes('*') || names.includes(namespace);
}

/**
 * The logger startMockServer uses when none is given: stderr with a `cdlx mock:` tag when
 * CDLX_DEBUG includes `mock`, silent otherwise.
 *
 * @example CDLX_DEBUG=mock npm run mock   # prints one line per refused connection
 */
export function defaultMockLogger(
  env: NodeJS.ProcessEnv = process.env,
  write: (text: string) => void = (text) => process.stderr.write(text),
): MockLogger {
  if (!isDebugEnabled(MOCK_DEBUG_NAMESPACE, env.CDLX_DEBUG)) return QUIET_LOGGER;
  return (line) => write(`cdlx mock: ${line}\n`);
}

/** How a log line names a client: `127.0.0.1:50412`. */
export function peerAddress(socket: {
  remoteAddress?: string | undefined;
  remotePort?: number | undefined;
}): string {
  return `${socket.remoteAddress ?? 'a client'}:${socket.remotePort ?? '?'}`;
}
