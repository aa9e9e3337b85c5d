import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { CdlxError, UsageError } from '../../lib/errors.js';
import {
  readCertificateFile,
  readCsrFile,
  readMaterial,
  readPrivateKeyFile,
} from '../../lib/pki/read-material.js';
import { expect, test } from './fixtures.js';

/** Reads `file` and returns the error it throws, which the test then examines. */
async function failure(read: Promise<unknown>): Promise<CdlxError> {
  const error = await read.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CdlxError);
  return error as CdlxError;
}

test.describe('read material', () => {
  test('reads a certificate and a key from PEM, and the same from DER', async ({
    dir,
    openssl,
  }) => {
    await openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'k.pem',
      '-out',
      'c.pem',
      '-subj',
      '/CN=Both',
      '-days',
      '2',
    ]);
    await openssl(['x509', '-in', 'c.pem', '-outform', 'DER', '-out', 'c.der']);
    await openssl(['pkey', '-in', 'k.pem', '-outform', 'DER', '-out', 'k.der']);
    await openssl(['rsa', '-in', 'k.pem', '-traditional', '-out', 'k-pkcs1.pem']);
    await writeFile(
      path.join(dir, 'both.pem'),
      (await readFile(path.join(dir, 'c.pem'), 'utf8')) +
        (await readFile(path.join(dir, 'k.pem'), 'utf8')),
    );

    const pem = await readMaterial(path.join(dir, 'both.pem'));
    const der = await readCertificateFile(path.join(dir, 'c.der'));
    const derKey = await readPrivateKeyFile(path.join(dir, 'k.der'));
    const pkcs1Key = await readPrivateKeyFile(path.join(dir, 'k-pkcs1.pem'));

    expect(pem.format).toBe('pem');
    expect(pem.certificates.map((c) => c.subject)).toEqual(['CN=Both']);
    expect(pem.privateKey?.asymmetricKeyType).toBe('rsa');
    expect(der).toMatchObject({ format: 'der' });
    expect(der.certificate.fingerprint256).toBe(
      new X509Certificate(await readFile(path.join(dir, 'c.pem'))).fingerprint256,
    );
    expect(derKey.asymmetricKeyType).toBe('rsa');
    expect(pkcs1Key.asymmetricKeyType).toBe('rsa');
  });

  test('says a garbage file holds nothing it can read', async ({ dir }) => {
    const file = path.join(dir, 'garbage.crt');
    await writeFile(file, Buffer.from([0x30, 0x82, 0xff, 0x00, 0x13, 0x37, 0x42]));

    const error = await failure(readCertificateFile(file));

    expect(error.code).toBe('CDLX_MATERIAL_GARBAGE');
    expect(error.message).toBe(
      `${file} is neither PEM nor DER: it holds no certificate, key or CSR the kit can read.`,
    );
  });

  test('says a PEM file cut short is truncated', async ({ dir, openssl }) => {
    await openssl([
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'k.pem',
      '-out',
      'r.csr',
      '-subj',
      '/CN=Cut',
    ]);
    const pem = await readFile(path.join(dir, 'r.csr'), 'utf8');
    const file = path.join(dir, 'cut.csr');
    await writeFile(file, pem.slice(0, Math.floor(pem.length / 2)));

    const error = await failure(readCsrFile(file));

    expect(error.code).toBe('CDLX_MATERIAL_TRUNCATED');
    expect(error.message).toBe(
      `${file} is truncated: its "BEGIN CERTIFICATE REQUEST" line has no matching END line.`,
    );
  });

  test('says a PEM block with damaged content is damaged', async ({ dir, openssl }) => {
    await openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'k.pem',
      '-out',
      'c.pem',
      '-subj',
      '/CN=Damaged',
      '-days',
      '2',
    ]);
    const lines = (await readFile(path.join(dir, 'c.pem'), 'utf8')).split('\n');
    const file = path.join(dir, 'damaged.pem');
    // Drop a line from the middle: the BEGIN and END lines survive, the DER does not.
    await writeFile(file, [...lines.slice(0, 5), ...lines.slice(6)].join('\n'));

    const error = await failure(readCertificateFile(file));

    expect(error.code).toBe('CDLX_MATERIAL_DAMAGED');
    expect(error.message).toBe(`${file} is damaged: its CERTIFICATE block does not parse.`);
  });

  test('gives a usage error for a missing file and for a folder', async ({ dir }) => {
    const missing = await failure(readMaterial(path.join(dir, 'absent.crt')));
    await mkdir(path.join(dir, 'certs'));
    const folder = await failure(readMaterial(path.join(dir, 'certs')));

    expect(missing).toBeInstanceOf(UsageError);
    expect(missing.message).toBe(`Cannot find the file ${path.join(dir, 'absent.crt')}.`);
    expect(folder).toBeInstanceOf(UsageError);
    expect(folder.message).toBe(`${path.join(dir, 'certs')} is a folder, not a file.`);
  });

  test('says an empty file is empty, and a key file is not a certificate', async ({
    dir,
    openssl,
  }) => {
    await writeFile(path.join(dir, 'empty.crt'), '');
    await openssl(['genpkey', '-algorithm', 'RSA', '-out', 'only.key']);

    const empty = await failure(readCertificateFile(path.join(dir, 'empty.crt')));
    const wrong = await failure(readCertificateFile(path.join(dir, 'only.key')));

    expect(empty.message).toBe(`${path.join(dir, 'empty.crt')} is empty.`);
    expect(wrong.message).toBe(
      `${path.join(dir, 'only.key')} holds a private key, not a certificate.`,
    );
  });

  test('needs a passphrase for a PFX and an encrypted key, and names the wrong one', async ({
    dir,
    openssl,
  }) => {
    await openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'k.pem',
      '-out',
      'c.pem',
      '-subj',
      '/CN=Locked',
      '-days',
      '2',
    ]);
    const env = { PASS: 'right horse battery' };
    await openssl(
      [
        'pkcs12',
        '-export',
        '-in',
        'c.pem',
        '-inkey',
        'k.pem',
        '-out',
        'id.pfx',
        '-passout',
        'env:PASS',
      ],
      env,
    );
    await openssl(
      ['pkey', '-in', 'k.pem', '-aes256', '-out', 'enc.key', '-passout', 'env:PASS'],
      env,
    );
    const pfx = path.join(dir, 'id.pfx');
    const encrypted = path.join(dir, 'enc.key');
    const wrong = { passphrase: 'wrong horse', passphraseSource: 'the variable PASS' };

    const noPassphrase = await failure(readMaterial(pfx));
    const wrongPfx = await failure(readMaterial(pfx, wrong));
    const noKeyPassphrase = await failure(readPrivateKeyFile(encrypted));
    const wrongKey = await failure(readPrivateKeyFile(encrypted, wrong));
    const opened = await readMaterial(pfx, { passphrase: env.PASS });

    expect(noPassphrase).toBeInstanceOf(UsageError);
    expect(noPassphrase.message).toBe(
      `${pfx} is a PKCS#12 (PFX) file, which needs its passphrase.`,
    );
    expect(wrongPfx.message).toBe(`The passphrase in the variable PASS does not open ${pfx}.`);
    expect(noKeyPassphrase).toBeInstanceOf(UsageError);
    expect(noKeyPassphrase.message).toBe(
      `${encrypted} holds an encrypted private key, which needs its passphrase.`,
    );
    expect(wrongKey.message).toBe(
      `The passphrase in the variable PASS does not open ${encrypted}.`,
    );
    for (const error of [noPassphrase, wrongPfx, noKeyPassphrase, wrongKey]) {
      expect(`${error.message} ${error.hint}`).not.toContain('horse');
    }
    expect(opened).toMatchObject({ format: 'pfx' });
    expect(opened.certificates.map((c) => c.subject)).toEqual(['CN=Locked']);
    expect(opened.privateKey?.asymmetricKeyType).toBe('rsa');
  });
});
