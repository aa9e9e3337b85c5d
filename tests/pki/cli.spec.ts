import { spawn } from 'node:child_process';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { PROJECT_ROOT } from '../../lib/paths.js';
import { caPathsInDir, initCa, loadCa } from '../../lib/pki/ca.js';
import { signCsr } from '../../lib/pki/ca-sign.js';
import { createKeyAndCsr } from '../../lib/pki/csr.js';
import { parseSubject } from '../../lib/pki/names.js';
import { parseCsr } from '../../lib/pki/parse-csr.js';
import { createPkcs12 } from '../../lib/pki/pkcs12.js';
import {
  expect,
  pemToDer,
  test,
  writeChallengePasswordConfig,
  type RunResult,
} from './fixtures.js';

const BANK = '/C=US/ST=Texas/L=Austin/O=Example Bank/OU=Rewards';
const PASSPHRASE = 'correct horse battery staple';

/** The one error line a person reads, and no stack trace anywhere. */
function expectOneError(result: RunResult, code: number, message: string): void {
  expect(result.code, result.stderr).toBe(code);
  expect(result.stderr.split('\n').filter((line) => /^cdlx Error:/.test(line))).toEqual([
    `cdlx Error: ${message}`,
  ]);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stdout).toBe('');
}

/** Makes a key, CSR and signed certificate through the library, to keep CLI spawns few. */
async function signedIdentity(dir: string, env: 'preprod' | 'prod', cn: string) {
  const created = await createKeyAndCsr({
    env,
    subject: parseSubject(`${BANK}/CN=${cn}`),
    keySizeBits: 2048,
    dir,
    force: false,
  });
  await initCa(path.join(dir, 'ca'));
  const ca = await loadCa(caPathsInDir(path.join(dir, 'ca')));
  const csr = parseCsr(pemToDer(await readFile(created.csrPath, 'utf8')), created.csrPath);
  const certPath = path.join(dir, `${env}.crt`);
  await writeFile(certPath, signCsr(ca, csr, { csrFile: created.csrPath }));
  return { ...created, certPath, ca };
}

test.describe('cdlx command line', () => {
  test('walks the go-live steps: keys and CSRs, lint, rehearsal CA, inspect, bundle', async ({
    dir,
    cdlx,
  }) => {
    test.slow(true, 'runs the command line ten times, at one to two seconds each');
    const env = { CDLX_PFX_PASS: PASSPHRASE };
    const outputs: RunResult[] = [];
    const run = async (...args: string[]) => {
      const result = await cdlx(args, env);
      outputs.push(result);
      expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
      return result;
    };

    const preprod = await run('csr', '--env', 'preprod', '--subject', BANK, '--out', 'certs');
    expect(preprod.stdout).toBe('');
    expect(preprod.stderr).toBe(
      [
        'cdlx: wrote certs/preprod.key (RSA 2048-bit private key, mode 0600)',
        `cdlx: wrote certs/preprod.csr (subject ${BANK}/CN=UAT)`,
        'cdlx: next step: send certs/preprod.csr to Cardlytics; keep certs/preprod.key here and never send it.',
        '',
      ].join('\n'),
    );
    expect(((await stat(path.join(dir, 'certs/preprod.key'))).mode & 0o777).toString(8)).toBe(
      '600',
    );

    const prod = await run(
      'csr',
      '--env',
      'prod',
      '--subject',
      `${BANK}/CN=Example Bank Rewards`,
      '--out',
      'certs',
      '--key-size',
      '3072',
      '--json',
    );
    expect(JSON.parse(prod.stdout)).toEqual({
      keyPath: 'certs/prod.key',
      csrPath: 'certs/prod.csr',
      env: 'prod',
      subject: `${BANK}/CN=Example Bank Rewards`,
      keySizeBits: 3072,
      warnings: [],
    });

    const lint = await run('csr', 'lint', 'certs/preprod.csr', 'certs/prod.csr');
    expect(lint.stderr).toBe('cdlx: checked 2 CSRs: no problems found.\n');

    await run('ca', 'init', '--dir', 'ca');
    const again = await run('ca', 'init', '--dir', 'ca');
    expect(again.stderr).toBe(
      'cdlx: a CA is already in ca; nothing changed (add --force to replace it).\n',
    );
    const signed = await run('ca', 'sign', '--ca-dir', 'ca', 'certs/preprod.csr');
    expect(signed.stderr).toMatch(/^cdlx: wrote certs\/preprod\.crt \(client certificate/);

    const inspect = await run(
      'cert',
      'inspect',
      '--cert',
      'certs/preprod.crt',
      '--key',
      'certs/preprod.key',
      '--csr',
      'certs/preprod.csr',
      '--ca',
      'ca/ca.crt',
    );
    expect(inspect.stdout).toContain(`Subject         ${BANK}/CN=UAT`);
    expect(inspect.stdout).toContain('Ext. key usage  clientAuth');
    expect(inspect.stdout).toContain('Private key     matches certs/preprod.key');
    expect(inspect.stdout).toContain('CA              chains to ca/ca.crt');
    expect(inspect.stderr).toBe('');

    await run(
      'cert',
      'bundle',
      '--cert',
      'certs/preprod.crt',
      '--key',
      'certs/preprod.key',
      '--chain',
      'ca/ca.crt',
      '--out',
      'certs/preprod.pfx',
      '--passphrase-env',
      'CDLX_PFX_PASS',
    );
    expect(((await stat(path.join(dir, 'certs/preprod.pfx'))).mode & 0o777).toString(8)).toBe(
      '600',
    );
    const pfx = await run(
      'cert',
      'inspect',
      '--cert',
      'certs/preprod.pfx',
      '--passphrase-env',
      'CDLX_PFX_PASS',
      '--ca',
      'ca/ca.crt',
      '--json',
    );
    expect(JSON.parse(pfx.stdout)).toMatchObject({
      ok: true,
      certificate: { keyMatches: true, chainsToCa: true },
      findings: [],
    });

    // Booleans, so that a failure message cannot itself print key material.
    const keyLines = (await readFile(path.join(dir, 'certs/preprod.key'), 'utf8'))
      .split('\n')
      .filter((line) => line.length > 0 && !line.startsWith('-----'));
    for (const { stdout, stderr } of outputs) {
      const output = `${stdout}${stderr}`;
      expect(output.includes(PASSPHRASE), 'the passphrase appears in the output').toBe(false);
      expect(output.includes('PRIVATE KEY'), 'a private key appears in the output').toBe(false);
      expect(
        keyLines.some((line) => output.includes(line)),
        'a line of the private key appears in the output',
      ).toBe(false);
    }
  });

  test('refuses a second csr without --force with exit code 1, keeping the key', async ({
    dir,
    cdlx,
  }) => {
    const first = await createKeyAndCsr({
      env: 'preprod',
      subject: parseSubject(`${BANK}/CN=UAT`),
      keySizeBits: 2048,
      dir,
      force: false,
    });
    const keyBefore = await readFile(first.keyPath, 'utf8');

    const result = await cdlx(['csr', '--env', 'preprod', '--subject', BANK]);

    expectOneError(result, 1, 'preprod.key already exists; nothing was written.');
    expect(result.stderr).toContain('add --force');
    expect(await readFile(first.keyPath, 'utf8')).toBe(keyBefore);
  });

  test('exits 1 with file, field and fix for a CSR with a challenge password', async ({
    dir,
    cdlx,
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

    const result = await cdlx(['csr', 'lint', 'c.csr']);

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        'cdlx Error: c.csr (challengePassword): the CSR carries a challenge password; Cardlytics expects a CSR without attributes.',
        '  Make it again without attributes (openssl: answer "" to the "extra attributes" prompts, or use -subj). Make a new key and CSR with `npm run cdlx -- csr --env <preprod|prod>`.',
        'cdlx: checked 1 CSR: 1 error, 0 warnings.',
        '',
      ].join('\n'),
    );
  });

  test('exits 1 when the certificate belongs to another key', async ({ dir, cdlx }) => {
    await signedIdentity(dir, 'preprod', 'UAT');
    await createKeyAndCsr({
      env: 'prod',
      subject: parseSubject(`${BANK}/CN=Prod`),
      keySizeBits: 2048,
      dir,
      force: false,
    });

    const result = await cdlx(['cert', 'inspect', '--cert', 'preprod.crt', '--key', 'prod.key']);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Private key     does NOT match prod.key');
    expect(result.stderr).toContain(
      "cdlx Error: preprod.crt (public key): the certificate's public key does not match the private key in prod.key.",
    );
  });

  const badInputs: {
    title: string;
    prepare: (dir: string) => Promise<void>;
    args: string[];
    code: number;
    message: string;
  }[] = [
    {
      title: 'a garbage file',
      prepare: (dir) => writeFile(path.join(dir, 'junk.crt'), 'hello, not a certificate\n'),
      args: ['cert', 'inspect', '--cert', 'junk.crt'],
      code: 1,
      message:
        'junk.crt is neither PEM nor DER: it holds no certificate, key or CSR the kit can read.',
    },
    {
      title: 'a truncated PEM',
      prepare: async (dir) => {
        const { csrPath } = await createKeyAndCsr({
          env: 'prod',
          subject: parseSubject('/CN=Cut'),
          keySizeBits: 2048,
          dir,
          force: false,
        });
        const pem = await readFile(csrPath, 'utf8');
        await writeFile(csrPath, pem.slice(0, 300));
      },
      args: ['csr', 'lint', 'prod.csr'],
      code: 1,
      message:
        'prod.csr (file): prod.csr is truncated: its "BEGIN CERTIFICATE REQUEST" line has no matching END line.',
    },
    {
      title: 'a folder instead of a file',
      prepare: (dir) => mkdir(path.join(dir, 'certs')),
      args: ['cert', 'inspect', '--cert', 'certs'],
      code: 2,
      message: 'certs is a folder, not a file.',
    },
    {
      title: 'a missing file',
      prepare: () => Promise.resolve(),
      args: ['csr', 'lint', 'nowhere.csr'],
      code: 2,
      message: 'Cannot find the file nowhere.csr.',
    },
    {
      title: 'a wrong passphrase',
      prepare: async (dir) => {
        const { certPath, keyPath } = await signedIdentity(dir, 'preprod', 'UAT');
        const pfx = createPkcs12({
          certificate: new X509Certificate(await readFile(certPath)),
          privateKey: createPrivateKey(await readFile(keyPath)),
          passphrase: PASSPHRASE,
        });
        await writeFile(path.join(dir, 'preprod.pfx'), pfx, { mode: 0o600 });
      },
      args: ['cert', 'inspect', '--cert', 'preprod.pfx', '--passphrase-env', 'WRONG_PASS'],
      code: 1,
      message: 'The passphrase in the variable WRONG_PASS does not open preprod.pfx.',
    },
  ];
  for (const bad of badInputs) {
    test(`answers ${bad.title} with one clear line and exit code ${bad.code}`, async ({
      dir,
      cdlx,
    }) => {
      await bad.prepare(dir);

      const result = await cdlx(bad.args, { WRONG_PASS: 'incorrect horse' });

      expectOneError(result, bad.code, bad.message);
      expect(result.stderr).not.toContain('incorrect horse');
    });
  }

  test('exits 2 with a usage hint for an unknown flag on a subcommand', async ({ cdlx }) => {
    const result = await cdlx(['cert', 'inspect', '--cert', 'x.crt', '--passphrase', 'oops']);

    expectOneError(result, 2, "unknown option '--passphrase'");
    expect(result.stderr).toContain('(add --help for usage)');
    expect(result.stderr).not.toContain('oops');
  });

  test('exits 2 for a value outside the choices of --env and --key-size', async ({ dir, cdlx }) => {
    const env = await cdlx(['csr', '--env', 'staging', '--subject', '/CN=x']);
    const keySize = await cdlx([
      'csr',
      '--env',
      'prod',
      '--key-size',
      '1024',
      '--subject',
      '/CN=x',
    ]);

    expectOneError(
      env,
      2,
      "option '--env <env>' argument 'staging' is invalid. Allowed choices are preprod, prod.",
    );
    expectOneError(
      keySize,
      2,
      "option '--key-size <bits>' argument '1024' is invalid. Allowed choices are 2048, 3072, 4096.",
    );
    expect(env.stderr).toContain('(add --help for usage)');
    await expect(stat(path.join(dir, 'prod.key'))).rejects.toThrow(/ENOENT/);
  });

  test('exits 2 when there is no subject and no terminal to ask for one', async ({ dir, cdlx }) => {
    const result = await cdlx(['csr', '--env', 'prod']);

    expectOneError(result, 2, 'No --subject given, and there is no terminal to ask for one.');
    await expect(stat(path.join(dir, 'prod.key'))).rejects.toThrow(/ENOENT/);
  });

  test('exits 2 when the passphrase variable is unset, without echoing a passphrase', async ({
    cdlx,
  }) => {
    const unset = await cdlx([
      'cert',
      'bundle',
      '--cert',
      'a.crt',
      '--key',
      'a.key',
      '--out',
      'a.pfx',
      '--passphrase-env',
      'CDLX_NOT_SET',
    ]);
    const literal = await cdlx([
      'cert',
      'bundle',
      '--cert',
      'a.crt',
      '--key',
      'a.key',
      '--out',
      'a.pfx',
      '--passphrase-env',
      'hunter2!',
    ]);

    expectOneError(unset, 2, 'The environment variable CDLX_NOT_SET is not set or is empty.');
    expectOneError(literal, 2, '--passphrase-env takes the name of an environment variable.');
    expect(literal.stderr).not.toContain('hunter2');
  });

  test('stops quietly when the reader of its output goes away (cdlx --help | head)', async () => {
    const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, [path.join(PROJECT_ROOT, 'scripts', 'cdlx.ts'), 'csr', '--help'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Close our end before cdlx writes, as `head` does once it has its lines.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'close')) as [number | null];

    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });

  test('shows help with examples and exits 0', async ({ cdlx }) => {
    const result = await cdlx(['csr', '--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: cdlx csr [options] [command]');
    expect(result.stdout).toContain('--env <env>');
    expect(result.stdout).toContain('npm run cdlx -- csr --env preprod --out certs');
  });
});
