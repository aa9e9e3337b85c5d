import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';

import { UsageError } from '../../lib/errors.js';
import { writePrivateFile } from '../../lib/fs-secure.js';
import type { CertificateAuthority } from '../../lib/pki/ca.js';
import { createCa, caPathsInDir } from '../../lib/pki/ca.js';
import { createIdentity, type Identity } from '../../lib/pki/identity.js';
import { createPkcs12, readPkcs12 } from '../../lib/pki/pkcs12.js';
import { expect, test as base } from './fixtures.js';

const PASSPHRASE = 'Tr0ub4dor&3 staple';

interface MtlsFixtures {
  ca: CertificateAuthority;
  client: Identity;
  /** An https server that demands a client certificate from `ca` and echoes its CN. */
  serverUrl: string;
}

const test = base.extend<MtlsFixtures>({
  ca: async ({ dir }, use) => {
    await use(
      await createCa(caPathsInDir(path.join(dir, 'ca')), {
        subject: [{ shortName: 'CN', value: 'cdlx pkcs12 test CA' }],
        validityDays: 2,
      }),
    );
  },
  client: async ({ ca }, use) => {
    await use(
      await createIdentity(ca, {
        subject: [{ shortName: 'CN', value: 'Example Bank UAT' }],
        validityDays: 1,
        keyUsage: ['digitalSignature', 'keyEncipherment'],
        extendedKeyUsage: ['clientAuth'],
      }),
    );
  },
  serverUrl: async ({ ca }, use) => {
    const server = await createIdentity(ca, {
      subject: [{ shortName: 'CN', value: 'localhost' }],
      validityDays: 1,
      extendedKeyUsage: ['serverAuth'],
      ipAddresses: ['127.0.0.1'],
    });
    const https: Server = createServer(
      {
        key: server.keyPem,
        cert: server.certPem,
        ca: [ca.certPem],
        requestCert: true,
        rejectUnauthorized: true,
      },
      (request, response) => {
        const peer = (request.socket as TLSSocket).getPeerCertificate();
        response.end(JSON.stringify({ cn: peer.subject.CN }));
      },
    );
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    await use(`https://127.0.0.1:${(https.address() as AddressInfo).port}`);
    await new Promise<void>((resolve) => https.close(() => resolve()));
  },
});

function bundle(client: Identity, ca: CertificateAuthority): Buffer {
  return createPkcs12({
    certificate: new X509Certificate(client.certPem),
    privateKey: createPrivateKey(client.keyPem),
    chain: [new X509Certificate(ca.certPem)],
    passphrase: PASSPHRASE,
  });
}

async function bundleToFile(dir: string, client: Identity, ca: CertificateAuthority) {
  const pfxPath = path.join(dir, 'client.pfx');
  await writePrivateFile(pfxPath, bundle(client, ca));
  return pfxPath;
}

test.describe('pkcs12', () => {
  test('writes a PFX that OpenSSL 3 opens without the legacy provider', async ({
    dir,
    client,
    ca,
    openssl,
  }) => {
    const pfxPath = await bundleToFile(dir, client, ca);

    const info = await openssl(
      ['pkcs12', '-info', '-noout', '-in', pfxPath, '-passin', 'env:PFX_PASS'],
      { PFX_PASS: PASSPHRASE },
    );
    const certs = await openssl(
      ['pkcs12', '-in', pfxPath, '-passin', 'env:PFX_PASS', '-nokeys', '-clcerts'],
      { PFX_PASS: PASSPHRASE },
    );

    expect(info).toContain('MAC: sha256');
    expect(info).toContain('Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC');
    expect(info).toContain('PRF hmacWithSHA256');
    expect(certs).toContain('subject=CN = Example Bank UAT');
    expect(((await stat(pfxPath)).mode & 0o777).toString(8)).toBe('600');
  });

  test('reads back its own PFX, key and chain included', ({ client, ca }) => {
    const pfx = bundle(client, ca);

    const contents = readPkcs12(pfx, PASSPHRASE, 'client.pfx', 'the variable PFX_PASS');

    expect(contents.certificates.map((cert) => cert.subject)).toEqual([
      'CN=Example Bank UAT',
      'CN=cdlx pkcs12 test CA',
    ]);
    expect(contents.privateKey?.asymmetricKeyType).toBe('rsa');
    // Compared as a boolean, so that a failure cannot print either key.
    expect(
      contents.privateKey?.export({ type: 'pkcs8', format: 'pem' }) === client.keyPem,
      'the key read back equals the key bundled',
    ).toBe(true);
  });

  test('refuses a wrong passphrase with one line that names the variable, not the value', ({
    client,
    ca,
  }) => {
    const pfx = bundle(client, ca);

    expect(() => readPkcs12(pfx, 'Tr0ub4dor&4', 'client.pfx', 'the variable PFX_PASS')).toThrow(
      /^The passphrase in the variable PFX_PASS does not open client\.pfx\.$/,
    );
  });

  test('refuses a passphrase outside printable ASCII', ({ client }) => {
    expect(() =>
      createPkcs12({
        certificate: new X509Certificate(client.certPem),
        privateKey: createPrivateKey(client.keyPem),
        passphrase: 'mot de passe é',
      }),
    ).toThrow(UsageError);
  });

  test("authenticates to an mTLS server through Playwright's clientCertificates", async ({
    dir,
    client,
    ca,
    serverUrl,
    playwright,
  }) => {
    const pfxPath = await bundleToFile(dir, client, ca);
    const context = await playwright.request.newContext({
      clientCertificates: [{ origin: serverUrl, pfxPath, passphrase: PASSPHRASE }],
      // The server's certificate comes from this test's CA, which the worker cannot be told to
      // trust (NODE_EXTRA_CA_CERTS is read at start); what is under test is the client side.
      ignoreHTTPSErrors: true,
    });

    try {
      const response = await context.get(`${serverUrl}/whoami`);

      expect(response.status()).toBe(200);
      expect(await response.json()).toEqual({ cn: 'Example Bank UAT' });
    } finally {
      await context.dispose();
    }
  });

  test('is refused by the same server without a client certificate', async ({
    serverUrl,
    playwright,
  }) => {
    const context = await playwright.request.newContext({ ignoreHTTPSErrors: true });

    try {
      await expect(context.get(`${serverUrl}/whoami`)).rejects.toThrow(
        /alert certificate required/,
      );
    } finally {
      await context.dispose();
    }
  });

  test('bundles a key and certificate that openssl made, and openssl gets the key back', async ({
    dir,
    ca,
    openssl,
  }) => {
    await openssl([
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'o.key',
      '-out',
      'o.csr',
      '-subj',
      '/CN=From openssl',
    ]);
    await openssl([
      'x509',
      '-req',
      '-in',
      'o.csr',
      '-CA',
      ca.certPath,
      '-CAkey',
      ca.keyPath,
      '-days',
      '1',
      '-out',
      'o.crt',
      '-set_serial',
      '7',
    ]);
    const pfx = createPkcs12({
      certificate: new X509Certificate(await readFile(path.join(dir, 'o.crt'))),
      privateKey: createPrivateKey(await readFile(path.join(dir, 'o.key'))),
      passphrase: PASSPHRASE,
    });
    await writeFile(path.join(dir, 'o.pfx'), pfx, { mode: 0o600 });

    await openssl(
      ['pkcs12', '-in', 'o.pfx', '-passin', 'env:P', '-nocerts', '-nodes', '-out', 'back.key'],
      { P: PASSPHRASE },
    );

    const original = await openssl(['pkey', '-in', 'o.key', '-pubout']);
    expect(original).toContain('BEGIN PUBLIC KEY');
    expect(await openssl(['pkey', '-in', 'back.key', '-pubout'])).toBe(original);
  });
});
