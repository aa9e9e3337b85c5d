import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { UsageError } from '../../lib/errors.js';
import { buildCsrPem } from '../../lib/pki/csr.js';
import { lintCsrFiles } from '../../lib/pki/csr-lint.js';
import type { Finding } from '../../lib/pki/findings.js';
import { generateRsaKeyPair } from '../../lib/pki/keys.js';
import { parseSubject } from '../../lib/pki/names.js';
import { expect, pemToDer, test, writeChallengePasswordConfig } from './fixtures.js';

/** The findings for one file, as [level, code] pairs: what a person would be told. */
function summary(findings: readonly Finding[], file?: string): [string, string][] {
  return findings
    .filter((finding) => file === undefined || finding.file === file)
    .map((finding) => [finding.level, finding.code]);
}

async function kitCsr(dir: string, name: string, subject: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, buildCsrPem(parseSubject(subject), await generateRsaKeyPair(2048)));
  return file;
}

test.describe('csr lint', () => {
  test('finds nothing wrong with a pre-prod and a prod CSR made by the kit', async ({ dir }) => {
    const preprod = await kitCsr(dir, 'preprod.csr', '/C=US/O=Example Bank/CN=UAT');
    const prod = await kitCsr(dir, 'prod.csr', '/C=US/O=Example Bank/CN=Example Bank Rewards');

    const report = await lintCsrFiles([preprod, prod]);

    expect(report.findings).toEqual([]);
    expect(report.csrs.map((csr) => csr.isPreprod)).toEqual([true, false]);
  });

  test('finds nothing wrong with a plain openssl CSR, PEM or DER', async ({ dir, openssl }) => {
    await openssl([
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'uat.key',
      '-out',
      'uat.csr',
      '-subj',
      '/C=US/ST=CA/O=Publisher/CN=UAT',
    ]);
    await openssl(['req', '-in', 'uat.csr', '-outform', 'DER', '-out', 'uat.der']);

    const report = await lintCsrFiles([path.join(dir, 'uat.der')]);

    expect(report.findings).toEqual([]);
    expect(report.csrs[0]?.subject).toBe('/C=US/ST=CA/O=Publisher/CN=UAT');
  });

  test('reports a challenge password from an openssl config as an error', async ({
    dir,
    openssl,
  }) => {
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

    const { findings } = await lintCsrFiles([path.join(dir, 'c.csr')]);

    expect(summary(findings)).toEqual([['error', 'CDLX_CSR_CHALLENGE_PASSWORD']]);
    expect(findings[0]).toMatchObject({
      file: path.join(dir, 'c.csr'),
      field: 'challengePassword',
      message: 'the CSR carries a challenge password; Cardlytics expects a CSR without attributes.',
    });
    expect(findings[0]?.hint).toContain('npm run cdlx -- csr --env');
    expect(JSON.stringify(findings)).not.toContain('not-a-real-secret');
  });

  test('reports a 1024-bit RSA key as an error', async ({ dir, openssl }) => {
    await openssl([
      'req',
      '-new',
      '-newkey',
      'rsa:1024',
      '-nodes',
      '-keyout',
      's.key',
      '-out',
      's.csr',
      '-subj',
      '/CN=Small',
    ]);

    const { findings } = await lintCsrFiles([path.join(dir, 's.csr')]);

    expect(summary(findings)).toEqual([['error', 'CDLX_CSR_KEY_TOO_SMALL']]);
    expect(findings[0]?.message).toBe('the key is RSA 1024 bits; at least 2048 bits are needed.');
  });

  test('reports an EC key as "not RSA" instead of failing to parse it', async ({
    dir,
    openssl,
  }) => {
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

    const { findings, csrs } = await lintCsrFiles([path.join(dir, 'e.csr')]);

    expect(summary(findings)).toEqual([['error', 'CDLX_CSR_NOT_RSA']]);
    expect(findings[0]?.message).toBe('the key is EC P-256, not RSA; Cardlytics signs RSA keys.');
    expect(csrs[0]?.subject).toBe('/CN=Elliptic');
  });

  test('reports a SHA-1 signature as an error', async ({ dir, openssl }) => {
    await openssl([
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'h.key',
      '-out',
      'h.csr',
      '-subj',
      '/CN=Old',
      '-sha1',
    ]);

    const { findings } = await lintCsrFiles([path.join(dir, 'h.csr')]);

    expect(summary(findings)).toEqual([['error', 'CDLX_CSR_WEAK_SIGNATURE']]);
    expect(findings[0]?.message).toBe(
      'the CSR is signed with sha1WithRSAEncryption, weaker than SHA-256.',
    );
  });

  test('reports a tampered signature, as openssl does', async ({ dir, openssl }) => {
    await openssl([
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      't.key',
      '-out',
      't.csr',
      '-subj',
      '/CN=Tampered',
    ]);
    const der = pemToDer(await readFile(path.join(dir, 't.csr'), 'utf8'));
    // The signature BIT STRING ends the structure: flip a byte inside it.
    der[der.length - 10] = der[der.length - 10]! ^ 0x01;
    await writeFile(path.join(dir, 't.der'), der);

    const { findings } = await lintCsrFiles([path.join(dir, 't.der')]);

    expect(summary(findings)).toEqual([['error', 'CDLX_CSR_BAD_SIGNATURE']]);
    // OpenSSL 3.0 exits 0 either way; its verdict is in the text.
    expect(await openssl(['req', '-verify', '-noout', '-inform', 'DER', '-in', 't.der'])).toContain(
      'verify failure',
    );
  });

  test('reports any other attribute as an error and requested extensions as a warning', async ({
    dir,
    openssl,
  }) => {
    await writeFile(
      path.join(dir, 'extra.cnf'),
      [
        '[req]',
        'distinguished_name = dn',
        'attributes = attrs',
        'req_extensions = ext',
        'prompt = no',
        '[dn]',
        'CN = Extra',
        'emailAddress = not-an-address',
        '[attrs]',
        'unstructuredName = Example Bank Ltd',
        '[ext]',
        'subjectAltName = DNS:publisher.example',
        '',
      ].join('\n'),
    );
    await openssl([
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'x.key',
      '-out',
      'x.csr',
      '-config',
      'extra.cnf',
    ]);

    const { findings } = await lintCsrFiles([path.join(dir, 'x.csr')]);

    expect(summary(findings)).toEqual([
      ['error', 'CDLX_CSR_ATTRIBUTE'],
      ['warning', 'CDLX_CSR_EXTENSIONS'],
      ['warning', 'CDLX_CSR_EMAIL'],
    ]);
    expect(findings.map((f) => f.field)).toEqual([
      'unstructuredName',
      'requested extensions',
      'emailAddress',
    ]);
    expect(findings[1]?.message).toContain('subjectAltName');
  });

  test('reports an empty subject as an error', async ({ dir, openssl }) => {
    await openssl([
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'n.key',
      '-out',
      'n.csr',
      '-subj',
      '/',
    ]);

    const { findings } = await lintCsrFiles([path.join(dir, 'n.csr')]);

    expect(summary(findings)).toEqual([['error', 'CDLX_CSR_EMPTY_SUBJECT']]);
  });

  test('reports two CSRs with the same subject on the second one', async ({ dir }) => {
    const preprod = await kitCsr(dir, 'preprod.csr', '/O=Example Bank/CN=UAT');
    const prod = await kitCsr(dir, 'prod.csr', '/O=Example  bank/CN=uat');

    const { findings } = await lintCsrFiles([preprod, prod]);

    expect(summary(findings)).toEqual([
      ['warning', 'CDLX_CSR_PREPROD_CN'],
      ['error', 'CDLX_CSR_SAME_SUBJECT'],
    ]);
    expect(findings[1]).toMatchObject({ file: prod, field: 'subject' });
    expect(findings[1]?.message).toBe(
      `has the same subject as ${preprod}: /O=Example  bank/CN=uat.`,
    );
  });

  test('warns when a CSR named pre-prod has a CN other than UAT', async ({ dir }) => {
    const file = await kitCsr(dir, 'bank-pre-prod.csr', '/O=Example Bank/CN=Rewards Test');

    const { findings } = await lintCsrFiles([file]);

    expect(summary(findings)).toEqual([['warning', 'CDLX_CSR_PREPROD_CN']]);
    expect(findings[0]?.message).toBe(
      'this looks like the pre-prod CSR, but its CN is "Rewards Test", not "UAT".',
    );
  });

  test('turns an unreadable file into an error finding and still checks the others', async ({
    dir,
  }) => {
    const good = await kitCsr(dir, 'prod.csr', '/CN=Prod');
    const garbage = path.join(dir, 'garbage.csr');
    await writeFile(garbage, 'this is not a CSR\n');

    const { findings, csrs } = await lintCsrFiles([garbage, good]);

    expect(summary(findings)).toEqual([['error', 'CDLX_MATERIAL_GARBAGE']]);
    expect(csrs.map((csr) => csr.file)).toEqual([good]);
  });

  test('throws a usage error for a missing file or a folder', async ({ dir }) => {
    await expect(lintCsrFiles([path.join(dir, 'nope.csr')])).rejects.toThrow(UsageError);
    await expect(lintCsrFiles([dir])).rejects.toThrow(`${dir} is a folder, not a file.`);
  });
});
