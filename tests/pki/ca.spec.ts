import { X509Certificate } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { CdlxError } from '../../lib/errors.js';
import { caPathsInDir, initCa, loadCa, SIGNING_CA_DEFAULT_NAME } from '../../lib/pki/ca.js';
import { signCsr } from '../../lib/pki/ca-sign.js';
import { buildCsrPem } from '../../lib/pki/csr.js';
import { inspectCertificate } from '../../lib/pki/inspect.js';
import { generateRsaKeyPair } from '../../lib/pki/keys.js';
import { parseSubject } from '../../lib/pki/names.js';
import { parseCsr } from '../../lib/pki/parse-csr.js';
import { expect, pemToDer, test, writeChallengePasswordConfig } from './fixtures.js';

test.describe('signing CA', () => {
  test('creates a labelled CA with a 0600 key, and leaves it alone on a second run', async ({
    dir,
  }) => {
    const first = await initCa(dir);
    const certBefore = await readFile(first.certPath, 'utf8');

    const second = await initCa(dir, { name: 'Another name' });

    expect(first.created).toBe(true);
    expect(second).toEqual({
      ...caPathsInDir(dir),
      crlPath: path.join(dir, 'ca.crl'),
      created: false,
    });
    expect(await readFile(first.certPath, 'utf8')).toBe(certBefore);
    const ca = new X509Certificate(certBefore);
    expect(ca.subject).toBe(`O=cdlx-contract\nCN=${SIGNING_CA_DEFAULT_NAME}`);
    expect(ca.ca).toBe(true);
    expect(((await stat(first.keyPath)).mode & 0o777).toString(8)).toBe('600');
  });

  test('refuses a half-present CA without force, and replaces it with force', async ({ dir }) => {
    const { certPath } = await initCa(dir);
    await rm(certPath);

    const error = await initCa(dir).catch((e: unknown) => e);
    const replaced = await initCa(dir, { force: true, name: 'Rehearsal', validityDays: 30 });

    expect(error).toBeInstanceOf(CdlxError);
    expect((error as CdlxError).message).toBe(
      `${dir} holds a CA that cannot be used: ca.key is there without ca.crt.`,
    );
    expect((error as CdlxError).hint).toContain('--force');
    expect(replaced.created).toBe(true);
    expect(new X509Certificate(await readFile(certPath)).subject).toContain('CN=Rehearsal');
  });

  test('signs a CSR as a client certificate that openssl verifies for client use', async ({
    dir,
    openssl,
  }) => {
    await initCa(dir);
    const ca = await loadCa(caPathsInDir(dir));
    const subject = '/C=US/ST=Texas/O=Banque Société/OU=Rewards/CN=UAT';
    const csr = parseCsr(
      pemToDer(buildCsrPem(parseSubject(subject), await generateRsaKeyPair())),
      'preprod.csr',
    );

    const certPem = signCsr(ca, csr, { csrFile: 'preprod.csr', validityDays: 10 });
    await writeFile(path.join(dir, 'preprod.crt'), certPem);

    const verdict = await openssl([
      'verify',
      '-CAfile',
      ca.certPath,
      '-purpose',
      'sslclient',
      'preprod.crt',
    ]);
    expect(verdict.trim()).toBe('preprod.crt: OK');
    const cert = new X509Certificate(certPem);
    const { certificate, findings } = inspectCertificate({
      certificate: cert,
      certFile: 'preprod.crt',
      csr,
      caCertificates: [new X509Certificate(ca.certPem)],
    });
    expect(certificate).toMatchObject({
      subject,
      signatureAlgorithm: 'sha256WithRSAEncryption',
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      extendedKeyUsage: ['clientAuth'],
      csrMatches: true,
      chainsToCa: true,
    });
    // Ten days is under the 30-day warning; nothing else may be reported.
    expect(findings.map((f) => f.code)).toEqual(['CDLX_CERT_EXPIRES_SOON']);
  });

  test('refuses to sign CSRs that the lint rejects', async ({ dir, openssl }) => {
    await initCa(dir);
    const ca = await loadCa(caPathsInDir(dir));
    const config = await writeChallengePasswordConfig(dir);
    await openssl([
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'c.key',
      '-out',
      'c.csr',
      '-config',
      config,
    ]);
    await openssl([
      'req',
      '-new',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'e.key',
      '-out',
      'e.csr',
      '-subj',
      '/CN=Elliptic',
    ]);
    const read = async (name: string) =>
      parseCsr(pemToDer(await readFile(path.join(dir, name), 'utf8')), name);

    const challenge = await read('c.csr');
    const elliptic = await read('e.csr');

    expect(() => signCsr(ca, challenge, { csrFile: 'c.csr' })).toThrow(
      'c.csr was not signed: the CSR carries a challenge password; Cardlytics expects a CSR without attributes.',
    );
    expect(() => signCsr(ca, elliptic, { csrFile: 'e.csr' })).toThrow(
      'e.csr was not signed: the key is EC P-256, not RSA; Cardlytics signs RSA keys.',
    );
  });
});
