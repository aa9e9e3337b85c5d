import { request } from 'node:https';

export interface RawOutcome {
  /** The HTTP status, when an HTTP response arrived at all. */
  status?: number;
  /** The socket or TLS error, when none did. */
  errorCode?: string;
}

/**
 * Sends GET /healthcheck with node:https from a chosen source address, for cases Playwright's
 * request API cannot express (binding the client to 127.0.0.2). Resolves with what came back.
 */
export function rawHealthcheck(options: {
  url: string;
  localAddress: string;
  cert: string;
  key: string;
  ca: string;
  timeoutMs?: number;
}): Promise<RawOutcome> {
  const target = new URL('/healthcheck', options.url);
  return new Promise((resolve) => {
    const req = request(
      target,
      {
        localAddress: options.localAddress,
        cert: options.cert,
        key: options.key,
        ca: options.ca,
        agent: false,
        timeout: options.timeoutMs ?? 5_000,
      },
      (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0 });
      },
    );
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ errorCode: error.code ?? error.message }),
    );
    req.end();
  });
}
