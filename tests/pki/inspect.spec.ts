import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { issueCertificate } from '../../lib/pki/certificates.js';
import { createKeyAndCsr } from '../../lib/pki/csr.js';
import type { Finding } from '../../lib/pki/findings.js';
import { inspectCertificate, inspectCertificateFiles } from '../../lib/pki/inspect.js';
import { generateRsaKeyPair } from '../../lib/pki/keys.js';
import { parseSubject } from '../../lib/pki/names.js';
import { expect, test, writeOpensslCaConfig, type PkiFixtures } from './fixtures.js';

type Openssl = PkiFixtures['openssl'];

interface IssueOptions {
  /** A section of the openssl-ca config: client, server or bare. */
  extensions?: 'client' | 'server' | 'bare';
  startDate?: string;
  endDate?: string;
  days?: number;
  md?: string;
}

/** A CA made by openssl, and a way to have it sign CSRs with chosen dates and extensions. */
async function opensslCa(dir: string, openssl: Openssl) {
  const config = await writeOpensslCaConfig(dir);
  await openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-subj',
    '/O=Openssl Test/CN=openssl test CA',
    '-days',
    '30',
  ]);
  return async (csr: string, out: string, options: IssueOptions = {}): Promise<string> => {
    const dates = options.startDate
      ? ['-startdate', options.startDate, '-enddate', options.endDate ?? '20991231000000Z']
      : ['-days', String(options.days ?? 120)];
    await openssl([
      'ca',
      '-batch',
      '-config',
      config,
      '-cert',
      'ca.crt',
      '-keyfile',
      'ca.key',
      '-in',
      csr,
      '-out',
      out,
      '-rand_serial',
      '-notext',
      '-md',
      options.md ?? 'sha256',
      '-extensions',
      options.extensions ?? 'client',
      ...dates,
    ]);
    return path.join(dir, out);
  };
}

/** A key and CSR made by openssl, as a publisher following Cardlytics' instructions would. */
async function opensslCsr(openssl: Openssl, name: string, bits = 2048): Promise<void> {
  await openssl([
    'req',
    '-new',
    '-newkey',
    `rsa:${bits}`,
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    `/C=US/O=Example Bank/CN=${name}`,
  ]);
}

function codes(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.level} ${finding.code}`);
}

test.describe('cert inspect', () => {
  test('reports everything about a good certificate openssl issued for a kit CSR', async ({
    dir,
    openssl,
  }) => {
    const issue = await opensslCa(dir, openssl);
    const created = await createKeyAndCsr({
      env: 'preprod',
      subject: parseSubject('/C=US/O=Example Bank/CN=UAT'),
      keySizeBits: 2048,
      dir,
      force: false,
    });
    const cert = await issue('preprod.csr', 'preprod.crt', { days: 200 });

    const { certificate, findings } = await inspectCertificateFiles({
      cert,
      key: created.keyPath,
      csr: created.csrPath,
      ca: path.join(dir, 'ca.crt'),
    });

    expect(findings).toEqual([]);
    expect(certificate).toMatchObject({
      subject: '/C=US/O=Example Bank/CN=UAT',
      issuer: '/O=Openssl Test/CN=openssl test CA',
      key: { type: 'rsa', sizeBits: 2048, label: 'RSA 2048 bits' },
      signatureAlgorithm: 'sha256WithRSAEncryption',
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      extendedKeyUsage: ['clientAuth'],
      isCa: false,
      keyMatches: true,
      csrMatches: true,
      chainsToCa: true,
    });
    expect([199, 200]).toContain(certificate.daysLeft);
    expect(certificate.serialNumber).toBe(new X509Certificate(await readFile(cert)).serialNumber);
  });

  test('reports a certificate that does not match the key or the CSR given', async ({
    dir,
    openssl,
  }) => {
    const issue = await opensslCa(dir, openssl);
    await opensslCsr(openssl, 'preprod');
    await opensslCsr(openssl, 'prod');
    const prodCert = await issue('prod.csr', 'prod.crt');

    const { certificate, findings } = await inspectCertificateFiles({
      cert: prodCert,
      key: path.join(dir, 'preprod.key'),
      csr: path.join(dir, 'preprod.csr'),
    });

    expect(certificate).toMatchObject({ keyMatches: false, csrMatches: false });
    expect(codes(findings)).toEqual([
      'error CDLX_CERT_KEY_MISMATCH',
      'error CDLX_CERT_CSR_MISMATCH',
    ]);
    expect(findings[0]?.message).toBe(
      `the certificate's public key does not match the private key in ${path.join(dir, 'preprod.key')}.`,
    );
  });

  test('reports an expired certificate and one not valid yet as errors', async ({
    dir,
    openssl,
  }) => {
    const issue = await opensslCa(dir, openssl);
    await opensslCsr(openssl, 'client');
    const expired = await issue('client.csr', 'expired.crt', {
      startDate: '20200101000000Z',
      endDate: '20200201000000Z',
    });
    const future = await issue('client.csr', 'future.crt', {
      startDate: '20990101000000Z',
      endDate: '20991231000000Z',
    });

    const old = await inspectCertificateFiles({ cert: expired });
    const early = await inspectCertificateFiles({ cert: future });

    expect(codes(old.findings)).toEqual(['error CDLX_CERT_EXPIRED']);
    expect(old.findings[0]?.message).toMatch(
      /^the certificate expired on 2020-02-01T00:00:00.000Z \(\d+ days ago\)\.$/,
    );
    expect(codes(early.findings)).toEqual(['error CDLX_CERT_NOT_YET_VALID']);
  });

  test('warns when fewer than 30 days are left', async ({ dir, openssl }) => {
    const issue = await opensslCa(dir, openssl);
    await opensslCsr(openssl, 'client');
    const cert = await issue('client.csr', 'soon.crt', { days: 10 });

    const { certificate, findings } = await inspectCertificateFiles({ cert });

    expect(codes(findings)).toEqual(['warning CDLX_CERT_EXPIRES_SOON']);
    expect(certificate.daysLeft).toBeLessThan(30);
  });

  test('reports a server certificate as lacking clientAuth, and warns without any EKU', async ({
    dir,
    openssl,
  }) => {
    const issue = await opensslCa(dir, openssl);
    await opensslCsr(openssl, 'client');
    const server = await issue('client.csr', 'server.crt', { extensions: 'server' });
    const bare = await issue('client.csr', 'bare.crt', { extensions: 'bare' });

    const serverReport = await inspectCertificateFiles({ cert: server });
    const bareReport = await inspectCertificateFiles({ cert: bare });

    expect(codes(serverReport.findings)).toEqual(['error CDLX_CERT_NO_CLIENT_AUTH']);
    expect(serverReport.findings[0]?.message).toBe(
      'the certificate allows serverAuth but not clientAuth, so the server will refuse it.',
    );
    expect(codes(bareReport.findings)).toEqual(['warning CDLX_CERT_NO_EKU']);
    expect(bareReport.certificate.extendedKeyUsage).toBeNull();
  });

  test('reports a SHA-1 signature and a 1024-bit key as errors', async ({ dir, openssl }) => {
    const issue = await opensslCa(dir, openssl);
    await opensslCsr(openssl, 'small', 1024);
    const cert = await issue('small.csr', 'small.crt', { md: 'sha1' });

    const { certificate, findings } = await inspectCertificateFiles({ cert });

    expect(certificate.signatureAlgorithm).toBe('sha1WithRSAEncryption');
    expect(codes(findings)).toEqual([
      'error CDLX_CERT_KEY_TOO_SMALL',
      'error CDLX_CERT_WEAK_SIGNATURE',
    ]);
  });

  test('warns about an EC key and reports key usage without digitalSignature', async ({
    dir,
    openssl,
  }) => {
    await openssl([
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'ec.key',
      '-out',
      'ec.crt',
      '-subj',
      '/CN=Elliptic',
      '-days',
      '60',
      '-addext',
      'basicConstraints=critical,CA:false',
      '-addext',
      'keyUsage=critical,keyAgreement',
      '-addext',
      'extendedKeyUsage=clientAuth',
    ]);

    const { certificate, findings } = await inspectCertificateFiles({
      cert: path.join(dir, 'ec.crt'),
      key: path.join(dir, 'ec.key'),
    });

    expect(certificate).toMatchObject({
      key: { type: 'ec', sizeBits: 256, label: 'EC P-256' },
      signatureAlgorithm: 'ecdsa-with-SHA256',
      keyUsage: ['keyAgreement'],
      keyMatches: true,
    });
    expect(codes(findings)).toEqual([
      'warning CDLX_CERT_NOT_RSA',
      'error CDLX_CERT_KEY_USAGE',
      'note CDLX_CERT_SELF_SIGNED',
    ]);
  });

  test('reports a CA certificate given as the client certificate', async ({ dir, openssl }) => {
    await opensslCa(dir, openssl);

    const { findings } = await inspectCertificateFiles({ cert: path.join(dir, 'ca.crt') });

    expect(codes(findings)).toContain('error CDLX_CERT_IS_CA');
  });

  test('reports a certificate that does not chain to the CA given', async ({ dir, openssl }) => {
    const issue = await opensslCa(dir, openssl);
    await opensslCsr(openssl, 'client');
    const cert = await issue('client.csr', 'client.crt');
    await openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'other.key',
      '-out',
      'other.crt',
      '-subj',
      '/CN=openssl test CA',
      '-days',
      '2',
    ]);

    const { certificate, findings } = await inspectCertificateFiles({
      cert,
      ca: path.join(dir, 'other.crt'),
    });

    // Same issuer name, other key: only the signature check tells them apart.
    expect(certificate.chainsToCa).toBe(false);
    expect(codes(findings)).toEqual(['error CDLX_CERT_WRONG_CA']);
  });

  test('follows the chain through an intermediate CA to the root given', async () => {
    const [rootKeys, intermediateKeys, leafKeys] = await Promise.all([
      generateRsaKeyPair(),
      generateRsaKeyPair(),
      generateRsaKeyPair(),
    ]);
    const rootPem = issueCertificate({
      subject: parseSubject('/CN=Root'),
      publicKeyPem: rootKeys.publicKeyPem,
      selfKeyPem: rootKeys.privateKeyPem,
      validityDays: 60,
      isCa: true,
    });
    const intermediatePem = issueCertificate({
      subject: parseSubject('/CN=Intermediate'),
      publicKeyPem: intermediateKeys.publicKeyPem,
      issuer: { certPem: rootPem, keyPem: rootKeys.privateKeyPem },
      validityDays: 60,
      isCa: true,
    });
    const leaf = new X509Certificate(
      issueCertificate({
        subject: parseSubject('/CN=Leaf'),
        publicKeyPem: leafKeys.publicKeyPem,
        issuer: { certPem: intermediatePem, keyPem: intermediateKeys.privateKeyPem },
        validityDays: 60,
        keyUsage: ['digitalSignature'],
        extendedKeyUsage: ['clientAuth'],
      }),
    );
    const root = new X509Certificate(rootPem);
    const intermediate = new X509Certificate(intermediatePem);

    const withChain = inspectCertificate({
      certificate: leaf,
      certFile: 'leaf.pfx',
      chain: [intermediate],
      caCertificates: [root],
      privateKey: createPrivateKey(leafKeys.privateKeyPem),
    });
    const withoutChain = inspectCertificate({
      certificate: leaf,
      certFile: 'leaf.crt',
      caCertificates: [root],
    });

    expect(withChain.findings).toEqual([]);
    expect(withChain.certificate).toMatchObject({ chainsToCa: true, keyMatches: true });
    expect(withoutChain.certificate.chainsToCa).toBe(false);
  });

  test('reads DER certificates and openssl PFX files, using the key inside the PFX', async ({
    dir,
    openssl,
  }) => {
    const issue = await opensslCa(dir, openssl);
    await opensslCsr(openssl, 'client');
    await issue('client.csr', 'client.crt');
    await openssl(['x509', '-in', 'client.crt', '-outform', 'DER', '-out', 'client.der']);
    await openssl(
      [
        'pkcs12',
        '-export',
        '-in',
        'client.crt',
        '-inkey',
        'client.key',
        '-certfile',
        'ca.crt',
        '-out',
        'client.pfx',
        '-passout',
        'env:PFX_PASS',
      ],
      { PFX_PASS: 'open sesame' },
    );

    const der = await inspectCertificateFiles({ cert: path.join(dir, 'client.der') });
    const pfx = await inspectCertificateFiles(
      { cert: path.join(dir, 'client.pfx'), ca: path.join(dir, 'ca.crt') },
      { passphrase: 'open sesame', passphraseSource: 'the variable PFX_PASS' },
    );

    expect(der.certificate.subject).toBe('/C=US/O=Example Bank/CN=client');
    expect(pfx.certificate).toMatchObject({
      subject: '/C=US/O=Example Bank/CN=client',
      keyMatches: true,
      chainsToCa: true,
    });
    expect(pfx.findings).toEqual([]);
  });
});
