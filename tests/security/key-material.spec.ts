import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { expect } from '@playwright/test';

import { CERTS_DIR, PROJECT_ROOT } from '../../lib/paths.js';
import { childEnv } from '../../lib/rehearsal/child-env.js';
import { runPlaywrightProject } from '../../lib/rehearsal/playwright-run.js';
import { findSecrets, type Secret } from '../../lib/reporting/artefact-scan.js';
import { test, type RunResult } from '../pki/fixtures.js';
import { rawRequest } from '../support/mock-calls.js';
import { rawExchange } from '../support/raw-tls.js';

/** Built, not written out, so this file's own source (kept in traces) never holds the marker. */
const PEM_KEY_MARKER = ['-----BEGIN', 'PRIVATE KEY-----'].join(' ');
const PASSPHRASE_VARIABLE = 'CDLX_KEY_SCAN_PASSPHRASE';
const KEY_FILE = /\.(key|pfx|p12)$/;

/** Each 64-character line of a PEM body: a leaked key shows at least one of them whole. */
async function keyLines(file: string, label: string): Promise<Secret[]> {
  const pem = await readFile(file, 'utf8');
  return pem
    .split(/\r?\n/)
    .filter((line) => /^[A-Za-z0-9+/]{64}$/.test(line))
    .map((value, index) => ({ label: `${label} line ${index + 1}`, value }));
}

/** The PFX as 64-character base64 pieces, the form a report would carry it in. */
async function pfxPieces(file: string): Promise<Secret[]> {
  const base64 = (await readFile(file)).toString('base64');
  return (base64.match(/.{64}/g) ?? []).map((value, index) => ({
    label: `${path.basename(file)} piece ${index + 1}`,
    value,
  }));
}

async function keyFilesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && KEY_FILE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Runs `cdlx mock` with CDLX_DEBUG=mock, sends a served, a refused and a malformed request. */
async function mockSession(dir: string): Promise<RunResult> {
  const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
  const child = spawn(
    tsx,
    [path.join(PROJECT_ROOT, 'scripts', 'cdlx.ts'), 'mock', '--port', '0', '--no-admin'],
    {
      cwd: dir,
      env: { ...process.env, CDLX_DEBUG: 'mock' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  await expect.poll(() => /https:\/\/\S+/.exec(stdout)?.[0], { timeout: 60_000 }).toBeTruthy();
  const port = Number(new URL(/https:\/\/\S+/.exec(stdout)![0]).port);

  const [ca, clientCert, clientKey, strangerCert, strangerKey] = await Promise.all(
    ['local-ca.crt', 'mock-client.crt', 'mock-client.key']
      .map((name) => readFile(path.join(CERTS_DIR, name), 'utf8'))
      .concat(
        ['keys/preprod.crt', 'keys/preprod.key'].map((name) =>
          readFile(path.join(dir, name), 'utf8'),
        ),
      ),
  );
  const exchange = (cert: string, key: string, send: string | Buffer) =>
    rawExchange({ port, ca: ca!, cert, key, send });
  const served = await exchange(clientCert!, clientKey!, rawRequest('GET', '/healthcheck'));
  const refused = await exchange(strangerCert!, strangerKey!, rawRequest('GET', '/healthcheck'));
  await exchange(clientCert!, clientKey!, 'BREW /healthcheck HTTP/1.1\r\nHost: x\r\n\r\n');
  expect(served.received).toMatch(/^HTTP\/1\.1 200 /);
  expect(refused.received).toBe('');
  await expect.poll(() => stderr).toMatch(/refused 127\.0\.0\.1:\d+: .*CN=UAT/);

  child.kill('SIGTERM');
  return { code: await exited, stdout, stderr };
}

test.describe('key material', () => {
  // CLI commands, a mock session and a whole Playwright run in child processes, on 2 busy cores.
  test.describe.configure({ timeout: 180_000 });

  test('no output, log, report or trace of a full run holds a private key or a passphrase, and every key file is 0600', async ({
    dir,
    cdlx,
  }) => {
    const passphrase = randomBytes(18).toString('base64url');
    const env = { [PASSPHRASE_VARIABLE]: passphrase, CDLX_KEY_SCAN_WRONG: 'not-the-passphrase' };
    const outputs: { where: string; text: string }[] = [];
    const run = async (args: string[], expectedCode = 0): Promise<void> => {
      const result = await cdlx(args, env);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(expectedCode);
      outputs.push(
        { where: `cdlx ${args.join(' ')} (stdout)`, text: result.stdout },
        { where: `cdlx ${args.join(' ')} (stderr)`, text: result.stderr },
      );
    };

    // The certificate commands, a wrong passphrase included (the error path).
    await run(['ca', 'init', '--dir', 'ca']);
    await run([
      'csr',
      '--env',
      'preprod',
      '--subject',
      '/C=US/O=Example Bank/CN=UAT',
      '--out',
      'keys',
    ]);
    await run([
      'csr',
      '--env',
      'prod',
      '--subject',
      '/C=US/O=Example Bank/CN=Prod',
      '--out',
      'keys',
      '--json',
    ]);
    await run(['ca', 'sign', '--ca-dir', 'ca', 'keys/preprod.csr']);
    const pfx = [
      '--cert',
      'keys/preprod.crt',
      '--key',
      'keys/preprod.key',
      '--out',
      'keys/preprod.pfx',
    ];
    await run(['cert', 'bundle', ...pfx, '--passphrase-env', PASSPHRASE_VARIABLE]);
    await Promise.all([
      run([
        'cert',
        'inspect',
        '--cert',
        'keys/preprod.pfx',
        '--passphrase-env',
        PASSPHRASE_VARIABLE,
        '--json',
      ]),
      run([
        'cert',
        'inspect',
        '--cert',
        'keys/preprod.crt',
        '--key',
        'keys/preprod.key',
        '--ca',
        'ca/ca.crt',
      ]),
      run(
        [
          'cert',
          'inspect',
          '--cert',
          'keys/preprod.pfx',
          '--passphrase-env',
          'CDLX_KEY_SCAN_WRONG',
        ],
        1,
      ),
    ]);
    await run(['ca', 'revoke', '--ca-dir', 'ca', 'keys/preprod.crt']);

    // A mock session with its debug log on, and a Playwright run with every trace kept.
    const mock = await mockSession(dir);
    outputs.push(
      { where: 'cdlx mock (stdout)', text: mock.stdout },
      { where: 'cdlx mock (stderr)', text: mock.stderr },
    );
    const reportsDir = path.join(dir, 'reports');
    const playwright = await runPlaywrightProject(
      'mock',
      childEnv({ CDLX_REPORTS_DIR: reportsDir }),
      ['specs/mtls.spec.ts', '--trace', 'on'],
    );
    expect(playwright.exitCode, playwright.stdout).toBe(0);
    outputs.push(
      { where: 'playwright (stdout)', text: playwright.stdout },
      { where: 'playwright (stderr)', text: playwright.stderr },
    );

    const keyFiles = [...(await keyFilesUnder(dir)), ...(await keyFilesUnder(CERTS_DIR))];
    const secrets: Secret[] = [{ label: 'PFX passphrase', value: passphrase }];
    for (const file of keyFiles) {
      const label = path.relative(dir, file);
      secrets.push(
        ...(file.endsWith('.key') ? await keyLines(file, label) : await pfxPieces(file)),
      );
    }
    expect(keyFiles.length).toBeGreaterThanOrEqual(8);
    expect(secrets.length).toBeGreaterThan(100);

    expect(await findSecrets([reportsDir], secrets, outputs)).toEqual([]);
    expect(
      outputs.filter(({ text }) => text.includes(PEM_KEY_MARKER)).map(({ where }) => where),
    ).toEqual([]);
    for (const file of keyFiles) {
      expect(((await stat(file)).mode & 0o777).toString(8), file).toBe('600');
    }
  });
});
