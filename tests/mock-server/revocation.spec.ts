import { expect, test } from '@playwright/test';

import { issueCrl } from '../../lib/pki/crl.js';
import { loadClientCrls } from '../../mock-server/revocation.js';
import { startMockServer } from '../../mock-server/server.js';
import { createTestCa, createTestPki } from '../support/test-pki.js';

test.describe('mock revocation lists', () => {
  test('refuses to start when a trusted CA has no list, naming the CA', async () => {
    const [pki, otherCa] = await Promise.all([createTestPki(), createTestCa('cdlx other CA')]);

    await expect(
      startMockServer({ tls: { ...pki.tls, clientCrlPem: issueCrl(otherCa) } }),
    ).rejects.toMatchObject({
      code: 'CDLX_CRL_MISSING',
      message: 'The mock has no revocation list for the CA "CN=cdlx test CA".',
    });
  });

  test('refuses a list signed by another key under the same CA name', async () => {
    const [pki, impostor] = await Promise.all([createTestPki(), createTestCa('cdlx test CA')]);

    expect(() => loadClientCrls(pki.ca.certPem, issueCrl(impostor))).toThrow(
      expect.objectContaining({ code: 'CDLX_CRL_INVALID' }),
    );
  });

  test('refuses an expired list, which would lock every client out', async () => {
    const pki = await createTestPki();
    const expired = issueCrl(pki.ca, {
      thisUpdate: new Date(Date.now() - 2 * 86_400_000),
      nextUpdate: new Date(Date.now() - 86_400_000),
    });

    expect(() => loadClientCrls(pki.ca.certPem, expired)).toThrow(/expired on/);
  });

  test('hands Node one list per string, every CA covered', async () => {
    const [pki, second] = await Promise.all([createTestPki(), createTestCa('cdlx second CA')]);
    const lists = [issueCrl(pki.ca), issueCrl(second)];

    expect(loadClientCrls(pki.ca.certPem + second.certPem, lists.join(''))).toEqual(
      lists.map((pem) => pem.trim()),
    );
  });
});
