import { X509Certificate } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { expect } from '@playwright/test';

import { caPathsInDir, initCa, loadCa } from '../../lib/pki/ca.js';
import { revokeCertificate } from '../../lib/pki/ca-revoke.js';
import { parseCrl } from '../../lib/pki/crl.js';
import { createIdentity } from '../../lib/pki/identity.js';
import { startStandIn } from '../../mock-server/stand-in.js';
import { rawExchange } from '../support/raw-tls.js';
import { clientLeaf, createTestCa } from '../support/test-pki.js';
import { test } from './fixtures.js';

const HEALTHCHECK = 'GET /healthcheck HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n';

test.describe('cdlx ca revoke', () => {
  test('ca init writes an empty list, and revoke adds a certificate that openssl then refuses', async ({
    dir,
    cdlx,
    openssl,
  }) => {
    const init = await cdlx(['ca', 'init', '--dir', 'ca']);
    expect(init.code).toBe(0);
    expect(init.stderr).toContain('empty revocation list ca/ca.crl');
    expect(await openssl(['crl', '-in', 'ca/ca.crl', '-noout', '-CAfile', 'ca/ca.crt'])).toContain(
      'verify OK',
    );
    const ca = await loadCa(caPathsInDir(path.join(dir, 'ca')));
    const [revoked, kept] = await Promise.all([
      createIdentity(ca, clientLeaf('to be revoked')),
      createIdentity(ca, clientLeaf('kept')),
    ]);
    await writeFile(path.join(dir, 'revoked.crt'), revoked.certPem);
    await writeFile(path.join(dir, 'kept.crt'), kept.certPem);

    const first = await cdlx(['ca', 'revoke', '--ca-dir', 'ca', 'revoked.crt']);
    const again = await cdlx(['ca', 'revoke', '--ca-dir', 'ca', 'revoked.crt', '--json']);

    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/revoked revoked\.crt \(serial [0-9A-F]+, ".*CN=to be revoked"\)/);
    expect(JSON.parse(again.stdout)).toMatchObject({ alreadyRevoked: true, revokedCount: 1 });
    const verify = ['verify', '-crl_check', '-CAfile', 'ca/ca.crt', '-CRLfile', 'ca/ca.crl'];
    await expect(openssl([...verify, 'revoked.crt'])).rejects.toThrow(/certificate revoked/);
    expect(await openssl([...verify, 'kept.crt'])).toContain('kept.crt: OK');
    const crl = parseCrl(await readFile(path.join(dir, 'ca', 'ca.crl')), ca.certPem);
    expect(crl.crlNumber).toBe(2n);
  });

  test('refuses a certificate another CA signed, and says which one', async ({ dir, cdlx }) => {
    await initCa(path.join(dir, 'ca'));
    const otherCa = await createTestCa('cdlx some other CA');
    const foreign = await createIdentity(otherCa, clientLeaf('foreign'));
    await writeFile(path.join(dir, 'foreign.crt'), foreign.certPem);

    const result = await cdlx(['ca', 'revoke', '--ca-dir', 'ca', 'foreign.crt']);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('was not signed by the CA in ca/ca.crt; nothing was revoked');
    expect(result.stderr).toContain('Its issuer is "CN=cdlx some other CA"');
  });

  test('a stand-in of the CA refuses the revoked certificate and serves the others', async ({
    dir,
  }) => {
    await initCa(path.join(dir, 'ca'));
    const ca = await loadCa(caPathsInDir(path.join(dir, 'ca')));
    const [revoked, kept] = await Promise.all([
      createIdentity(ca, clientLeaf('revoked')),
      createIdentity(ca, clientLeaf('kept')),
    ]);
    await revokeCertificate(ca, new X509Certificate(revoked.certPem), 'revoked.crt');
    const standIn = await startStandIn({ env: 'preprod', caDir: path.join(dir, 'ca') });
    try {
      const send = (identity: { certPem: string; keyPem: string }) =>
        rawExchange({
          port: standIn.port,
          ca: ca.certPem,
          cert: identity.certPem,
          key: identity.keyPem,
          send: HEALTHCHECK,
        });

      expect((await send(revoked)).received).toBe('');
      expect((await send(kept)).received).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      await standIn.close();
    }
  });
});
