import { X509Certificate } from 'node:crypto';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { expect } from '@playwright/test';

import { issueCrl, parseCrl } from '../../lib/pki/crl.js';
import { createIdentity } from '../../lib/pki/identity.js';
import { ensureLocalPki } from '../../lib/pki/local-pki.js';
import { clientLeaf, createTestCa } from '../support/test-pki.js';
import { test } from './fixtures.js';

test.describe('certificate revocation lists', () => {
  test('issues an empty list that openssl verifies against its CA', async ({ dir, openssl }) => {
    const ca = await createTestCa('cdlx CRL test CA');
    await writeFile(path.join(dir, 'ca.crt'), ca.certPem);
    await writeFile(path.join(dir, 'ca.crl'), issueCrl(ca));

    const text = await openssl(['crl', '-in', 'ca.crl', '-noout', '-text', '-CAfile', 'ca.crt']);

    expect(text).toContain('verify OK');
    expect(text).toContain('Version 2 (0x1)');
    expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
    expect(text).toContain('X509v3 CRL Number');
    expect(text).toContain('No Revoked Certificates');
  });

  test('lists a revoked certificate so that openssl verify refuses it', async ({
    dir,
    openssl,
  }) => {
    const ca = await createTestCa('cdlx CRL test CA');
    const [revoked, kept] = await Promise.all([
      createIdentity(ca, clientLeaf('revoked')),
      createIdentity(ca, clientLeaf('kept')),
    ]);
    const serialNumber = new X509Certificate(revoked.certPem).serialNumber;
    await Promise.all([
      writeFile(path.join(dir, 'ca.crt'), ca.certPem),
      writeFile(path.join(dir, 'revoked.crt'), revoked.certPem),
      writeFile(path.join(dir, 'kept.crt'), kept.certPem),
      writeFile(
        path.join(dir, 'ca.crl'),
        issueCrl(ca, { revoked: [{ serialNumber, revokedAt: new Date() }], crlNumber: 2n }),
      ),
    ]);
    const verify = ['verify', '-crl_check', '-CAfile', 'ca.crt', '-CRLfile', 'ca.crl'];

    await expect(openssl([...verify, 'revoked.crt'])).rejects.toThrow(/certificate revoked/);
    expect(await openssl([...verify, 'kept.crt'])).toContain('kept.crt: OK');
  });

  test('reads back what it wrote and checks the signature against the CA', async () => {
    const [ca, otherCa] = await Promise.all([
      createTestCa('cdlx CRL test CA'),
      createTestCa('cdlx other CA'),
    ]);
    const revokedAt = new Date('2026-01-02T03:04:05Z');
    const crlPem = issueCrl(ca, {
      revoked: [{ serialNumber: '00A1B2', revokedAt }],
      crlNumber: 41n,
    });

    const crl = parseCrl(crlPem, ca.certPem);

    expect(crl.crlNumber).toBe(41n);
    expect(crl.revoked).toEqual([{ serialNumber: 'A1B2', revokedAt }]);
    expect(crl.nextUpdate?.toISOString()).toBe(
      new Date(new X509Certificate(ca.certPem).validTo).toISOString(),
    );
    expect(() => parseCrl(crlPem, otherCa.certPem)).toThrow(/does not verify/);
  });

  test('the local PKI keeps an empty list of its CA, and writes it again when it is gone', async ({
    dir,
  }) => {
    const { paths } = await ensureLocalPki(dir);
    const caPem = await readFile(paths.ca.certPath, 'utf8');
    expect(parseCrl(await readFile(paths.crlPath), caPem).revoked).toEqual([]);
    await unlink(paths.crlPath);

    const again = await ensureLocalPki(dir);

    expect(again.created).toBe(true);
    expect(again.reason).toContain('local-ca.crl');
    const newCaPem = await readFile(again.paths.ca.certPath, 'utf8');
    expect(parseCrl(await readFile(again.paths.crlPath), newCaPem).revoked).toEqual([]);
  });
});
