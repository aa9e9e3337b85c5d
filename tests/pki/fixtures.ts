import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { test as base } from '@playwright/test';

import { PROJECT_ROOT } from '../../lib/paths.js';

const execFileAsync = promisify(execFile);

/** What a finished process printed and how it exited. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface PkiFixtures {
  /** A fresh temporary folder, removed after the test. */
  dir: string;
  /** Runs the `cdlx` command line end to end in `dir`, as `npm run cdlx --` does. */
  cdlx: (args: readonly string[], env?: Readonly<Record<string, string>>) => Promise<RunResult>;
  /**
   * Runs the system's openssl in `dir` and returns stdout followed by stderr (some verdicts, such
   * as `req -verify`'s, go to stderr). A non-zero exit fails with openssl's own message.
   */
  openssl: (args: readonly string[], env?: Readonly<Record<string, string>>) => Promise<string>;
}

export const test = base.extend<PkiFixtures>({
  // Playwright reads fixture dependencies from the destructuring pattern, even when empty.
  dir: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cdlx-pki-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  cdlx: async ({ dir }, use) => {
    await use(async (args, env = {}) => {
      const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
      const script = path.join(PROJECT_ROOT, 'scripts', 'cdlx.ts');
      try {
        const { stdout, stderr } = await execFileAsync(tsx, [script, ...args], {
          cwd: dir,
          env: { ...process.env, ...env },
        });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const failed = error as { code?: number; stdout?: string; stderr?: string };
        if (typeof failed.code !== 'number') throw error;
        return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
      }
    });
  },
  openssl: async ({ dir }, use) => {
    await use(async (args, env = {}) => {
      const { stdout, stderr } = await execFileAsync('openssl', [...args], {
        cwd: dir,
        env: { ...process.env, ...env },
      });
      return `${stdout}${stderr}`;
    });
  },
});

export { expect } from '@playwright/test';

/** A config for `openssl req` that adds a challenge password attribute to the CSR. */
export async function writeChallengePasswordConfig(dir: string): Promise<string> {
  const file = path.join(dir, 'challenge.cnf');
  await writeFile(
    file,
    [
      '[req]',
      'distinguished_name = dn',
      'attributes = attrs',
      'prompt = no',
      '[dn]',
      'C = US',
      'O = Example Bank',
      'CN = Challenge',
      '[attrs]',
      'challengePassword = not-a-real-secret',
      '',
    ].join('\n'),
  );
  return file;
}

/**
 * Files for a throwaway `openssl ca`: unlike `openssl x509 -req`, it takes explicit start and end
 * dates, which is how the tests get expired and not-yet-valid certificates from a tool other than
 * the kit.
 */
export async function writeOpensslCaConfig(dir: string): Promise<string> {
  await writeFile(path.join(dir, 'index.txt'), '');
  const file = path.join(dir, 'openssl-ca.cnf');
  await writeFile(
    file,
    [
      '[ca]',
      'default_ca = test_ca',
      '[test_ca]',
      `database = ${path.join(dir, 'index.txt')}`,
      `new_certs_dir = ${dir}`,
      `serial = ${path.join(dir, 'serial')}`,
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      // Keep the CSR's subject as it is, in its order, as a commercial CA does.
      'preserve = yes',
      '[any]',
      'countryName = optional',
      'stateOrProvinceName = optional',
      'localityName = optional',
      'organizationName = optional',
      'organizationalUnitName = optional',
      'commonName = supplied',
      'emailAddress = optional',
      '[client]',
      'basicConstraints = critical, CA:false',
      'keyUsage = critical, digitalSignature, keyEncipherment',
      'extendedKeyUsage = clientAuth',
      '[server]',
      'basicConstraints = critical, CA:false',
      'keyUsage = critical, digitalSignature, keyEncipherment',
      'extendedKeyUsage = serverAuth',
      '[bare]',
      'basicConstraints = critical, CA:false',
      '',
    ].join('\n'),
  );
  return file;
}

/** PEM to DER, for tests that feed binary material. */
export function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
}
