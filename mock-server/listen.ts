import type { Server } from 'node:net';

import { CdlxError } from '../lib/errors.js';

/** What a failed listen means to the person who asked for the port, and what to do. */
const LISTEN_FAILURES: Record<string, { reason: string; hint: string }> = {
  EADDRINUSE: {
    reason: 'is already in use',
    hint: 'Stop the process holding it, or choose another port (0 picks a free one).',
  },
  EACCES: {
    reason: 'needs privileges this process does not have',
    hint: 'Use a port above 1023, or 0 to let the system pick a free one.',
  },
  EADDRNOTAVAIL: {
    reason: 'is on an address this machine does not have',
    hint: "Bind to 127.0.0.1 (the default) or to one of this machine's addresses.",
  },
};

/** Starts listening, turning the usual socket errors into one clear message. */
export function listenOn(server: Server, port: number, host: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const known = error.code ? LISTEN_FAILURES[error.code] : undefined;
      reject(
        known
          ? new CdlxError(
              'CDLX_LISTEN',
              `${what} cannot listen: ${host}:${port} ${known.reason}.`,
              {
                hint: known.hint,
                cause: error,
              },
            )
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
