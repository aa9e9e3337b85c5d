import { createServer, type AddressInfo } from 'node:net';

import { expect, test as base } from '@playwright/test';

import { CdlxError } from '../../lib/errors.js';
import { startMockServer } from '../../mock-server/server.js';
import { createTestPki, type TestPki } from '../support/test-pki.js';

const test = base.extend<object, { pki: TestPki }>({
  pki: [async ({}, use) => use(await createTestPki()), { scope: 'worker' }],
});

test.describe('mock listen errors', () => {
  test('a taken port is one clear error, and the admin API does not stay up alone', async ({
    pki,
  }) => {
    const listeningBefore = countListeningServers();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const taken = (squatter.address() as AddressInfo).port;
    try {
      const failure = await startMockServer({ tls: pki.tls, port: taken }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(CdlxError);
      expect((failure as CdlxError).code).toBe('CDLX_LISTEN');
      expect((failure as CdlxError).message).toBe(
        `The mock cannot listen: 127.0.0.1:${taken} is already in use.`,
      );

      // The API starts, the admin port is taken: the API must be closed again.
      const adminFailure = await startMockServer({
        tls: pki.tls,
        admin: { port: taken },
      }).catch((e: unknown) => e);
      expect((adminFailure as CdlxError).code).toBe('CDLX_LISTEN');
      expect((adminFailure as CdlxError).message).toContain('The mock admin API cannot listen');
      // Only the squatter is left; closed handles leave the list on a later turn of the loop.
      await expect.poll(countListeningServers, { timeout: 2000 }).toBe(listeningBefore + 1);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});

function countListeningServers(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'TCPServerWrap').length;
}
