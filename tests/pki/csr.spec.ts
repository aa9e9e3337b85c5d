import { createPrivateKey } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';

import { CdlxError, UsageError } from '../../lib/errors.js';
import {
  buildCsrPem,
  createKeyAndCsr,
  csrPathsFor,
  resolveCsrSubject,
  type CsrEnvironment,
} from '../../lib/pki/csr.js';
import { generateRsaKeyPair } from '../../lib/pki/keys.js';
import { formatSubject, parseSubject } from '../../lib/pki/names.js';
import { parseCsr, verifyCsrSignature } from '../../lib/pki/parse-csr.js';
import { promptSubject } from '../../lib/pki/prompt-subject.js';
import { writeNewPrivateFile } from '../../lib/pki/write-new-private-file.js';
import { expect, pemToDer, test } from './fixtures.js';

const BANK = '/C=US/ST=Texas/L=Austin/O=Example Bank/OU=Rewards';

function make(dir: string, env: CsrEnvironment, subject: string, force = false) {
  return createKeyAndCsr({
    env,
    subject: resolveCsrSubject(env, parseSubject(subject)),
    keySizeBits: 2048,
    dir,
    force,
  });
}

async function answerPrompts(answers: string, defaults: Record<string, string> = {}) {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  input.end(answers);
  const fields = await promptSubject({ input, output, defaults });
  return { fields, shown };
}

test.describe('csr', () => {
  test('writes a PKCS#8 key with mode 0600 and a CSR that openssl verifies', async ({
    dir,
    openssl,
  }) => {
    const created = await make(dir, 'preprod', `${BANK}/CN=UAT`);

    expect(created).toMatchObject({
      keyPath: path.join(dir, 'preprod.key'),
      csrPath: path.join(dir, 'preprod.csr'),
    });
    expect(((await stat(created.keyPath)).mode & 0o777).toString(8)).toBe('600');
    const keyPem = await readFile(created.keyPath, 'utf8');
    const key = createPrivateKey(keyPem);
    // Unencrypted PKCS#8 PEM, byte for byte; a boolean, so that a failure cannot print the key.
    expect(key.export({ type: 'pkcs8', format: 'pem' }) === keyPem).toBe(true);
    expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(await openssl(['req', '-verify', '-noout', '-in', created.csrPath])).toContain(
      'self-signature verify OK',
    );
  });

  test('makes a SHA-256 CSR whose attribute set is empty', async ({ dir, openssl }) => {
    const { csrPath } = await make(dir, 'prod', `${BANK}/CN=Example Bank Rewards`);

    const text = await openssl(['req', '-text', '-noout', '-in', csrPath]);
    // OpenSSL 3.0 prints "(none)" under an empty set; older versions print "a0:00".
    expect(text).toMatch(/Attributes:\n\s+(\(none\)|a0:00)\n/);
    expect(text).not.toMatch(/challengePassword|unstructuredName/);
    expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
    const csr = parseCsr(pemToDer(await readFile(csrPath, 'utf8')), csrPath);
    expect(csr.attributes).toEqual([]);
    expect(verifyCsrSignature(csr)).toBe(true);
  });

  test('puts exactly the fields given into the subject, in their order', async ({
    dir,
    openssl,
  }) => {
    const { csrPath } = await make(
      dir,
      'prod',
      '/C=US/ST=Texas/L=Austin/O=Example Bank & Co/OU=Rewards/CN=Café Rewards/emailAddress=pki@example.com',
    );

    const subject = await openssl([
      'req',
      '-noout',
      '-subject',
      '-nameopt',
      'RFC2253,-esc_msb',
      '-in',
      csrPath,
    ]);
    expect(subject.trim()).toBe(
      'subject=emailAddress=pki@example.com,CN=Café Rewards,OU=Rewards,O=Example Bank & Co,L=Austin,ST=Texas,C=US',
    );
  });

  test('gives pre-prod CN=UAT when no CN is given, and prod nothing', () => {
    expect(formatSubject(resolveCsrSubject('preprod', parseSubject(BANK)))).toBe(`${BANK}/CN=UAT`);
    expect(formatSubject(resolveCsrSubject('preprod', parseSubject(`${BANK}/CN=Test`)))).toBe(
      `${BANK}/CN=Test`,
    );
    expect(formatSubject(resolveCsrSubject('prod', parseSubject(BANK)))).toBe(BANK);
  });

  test('refuses an empty subject, a three-letter country and an unknown field', () => {
    expect(() => resolveCsrSubject('prod', [])).toThrow(UsageError);
    expect(() => resolveCsrSubject('prod', parseSubject('/C=USA/CN=x'))).toThrow(
      'The country "USA" is not a two-letter code.',
    );
    expect(() => parseSubject('/C=US/XX=1')).toThrow('Unknown subject field "XX=1"');
  });

  test('refuses a prod subject identical to the pre-prod one in the same folder', async ({
    dir,
  }) => {
    await make(dir, 'preprod', `${BANK}/CN=UAT`);

    const attempt = make(dir, 'prod', `${BANK.toUpperCase()}/CN=uat`);

    await expect(attempt).rejects.toThrow(/is the one .*preprod\.csr already uses/);
    await expect(stat(csrPathsFor(dir, 'prod').keyPath)).rejects.toThrow(/ENOENT/);
  });

  test('refuses to replace an existing key without force, and replaces it with force', async ({
    dir,
  }) => {
    const first = await make(dir, 'preprod', `${BANK}/CN=UAT`);
    const keyBefore = await readFile(first.keyPath, 'utf8');

    const error = await make(dir, 'preprod', `${BANK}/CN=UAT`).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CdlxError);
    expect((error as CdlxError).code).toBe('CDLX_CSR_EXISTS');
    expect((error as CdlxError).message).toBe(
      `${first.keyPath} already exists; nothing was written.`,
    );
    expect(await readFile(first.keyPath, 'utf8')).toBe(keyBefore);

    await make(dir, 'preprod', `${BANK}/CN=UAT`, true);
    expect(await readFile(first.keyPath, 'utf8')).not.toBe(keyBefore);
    expect(((await stat(first.keyPath)).mode & 0o777).toString(8)).toBe('600');
  });

  test('never overwrites a key file that appeared after the existence check', async ({ dir }) => {
    // createKeyAndCsr checks first, then links the new key into place; the link is what protects
    // a key created in between, so it is tested on its own.
    const keyPath = path.join(dir, 'preprod.key');
    await writeFile(keyPath, 'rival key', { mode: 0o600 });

    const written = await writeNewPrivateFile(keyPath, 'new key');

    expect(written).toBe(false);
    expect(await readFile(keyPath, 'utf8')).toBe('rival key');
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('says which path it cannot write when --out is a file', async ({ dir }) => {
    const notAFolder = path.join(dir, 'taken');
    await writeFile(notAFolder, '');

    const error = await make(notAFolder, 'prod', '/CN=Prod').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CdlxError);
    expect((error as CdlxError).message).toMatch(
      new RegExp(`^Cannot write ${notAFolder}/prod\\.key \\((ENOTDIR|EEXIST)\\)\\.$`),
    );
  });

  test('builds a CSR with a 3072-bit key', async () => {
    const keys = await generateRsaKeyPair(3072);

    const csr = parseCsr(pemToDer(buildCsrPem(parseSubject('/CN=Big'), keys)), 'big.csr');

    expect(csr.key).toMatchObject({ type: 'rsa', sizeBits: 3072 });
  });

  test('asks for each field as openssl does, skipping blanks and taking defaults', async () => {
    const { fields, shown } = await answerPrompts('US\nTexas\n\nExample Bank\n\n\n\n', {
      CN: 'UAT',
    });

    expect(formatSubject(fields)).toBe('/C=US/ST=Texas/O=Example Bank/CN=UAT');
    expect(shown).toContain('Country Name (2 letter code): ');
    expect(shown).toContain('Common Name (e.g. server FQDN or YOUR name) [UAT]: ');
    expect(shown).toContain('Email Address: ');
  });

  test('leaves out a defaulted field answered with "."', async () => {
    const { fields } = await answerPrompts('\n\n\n\n\n.\nops@example.com\n', { CN: 'UAT' });

    expect(formatSubject(fields)).toBe('/emailAddress=ops@example.com');
  });

  test('stops with a usage error when the input ends before the last field', async () => {
    await expect(answerPrompts('US\n')).rejects.toThrow(
      'The input ended before every subject field was answered.',
    );
  });
});
