import { readFile } from 'node:fs/promises';

import { CERTS_DIR } from '../lib/paths.js';
import { ensureLocalPki, type LocalPkiResult } from '../lib/pki/local-pki.js';
import { startMockServer, type MockServer, type MockServerOptions } from './server.js';

export interface LocalMock extends MockServer {
  pki: LocalPkiResult;
}

/**
 * Starts the mock with the kit's local PKI (created under certs/ on first use): the server
 * certificate from the local CA, and client certificates accepted from that CA only, checked
 * against its revocation list.
 */
export async function startLocalMock(
  options: Omit<MockServerOptions, 'tls'> & { certsDir?: string } = {},
): Promise<LocalMock> {
  const { certsDir = CERTS_DIR, ...serverOptions } = options;
  const pki = await ensureLocalPki(certsDir);
  const [certPem, keyPem, clientCaPem, clientCrlPem] = await Promise.all([
    readFile(pki.paths.server.certPath, 'utf8'),
    readFile(pki.paths.server.keyPath, 'utf8'),
    readFile(pki.paths.ca.certPath, 'utf8'),
    readFile(pki.paths.crlPath, 'utf8'),
  ]);
  const mock = await startMockServer({
    ...serverOptions,
    tls: { certPem, keyPem, clientCaPem, clientCrlPem },
  });
  return { ...mock, pki };
}
