import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { REAL_TARGETS, variablePrefix } from '../targets/env-target.js';

/**
 * Session tokens exist only in the worker that received them, but the reports are written by the
 * runner process. Workers append each token to a private file named by this variable (set by the
 * config before the workers start), and the redacting reporter reads it to scrub reports.
 */
export const SECRET_REGISTRY_VARIABLE = 'CDLX_SECRET_REGISTRY';
const REGISTRY_FILE = 'secrets';

/**
 * Names the registry folder for this run (random, so nobody can prepare it in a shared /tmp).
 * Nothing is created until a worker registers a secret. Idempotent: the config is evaluated in
 * the runner and again in each worker, which inherit the variable. The runner removes the folder
 * when it exits, whichever reporters ran (workers have TEST_WORKER_INDEX set and leave it).
 */
export function prepareSecretRegistry(env: NodeJS.ProcessEnv = process.env): string {
  const isRunner =
    env.TEST_WORKER_INDEX === undefined && env[SECRET_REGISTRY_VARIABLE] === undefined;
  env[SECRET_REGISTRY_VARIABLE] ??= path.join(tmpdir(), `cdlx-secrets-${randomUUID()}`);
  if (isRunner) process.once('exit', () => removeSecretRegistry(env));
  return env[SECRET_REGISTRY_VARIABLE];
}

/** Records a secret (a session token) so that no report of this run shows it. */
export function registerSecret(value: string, env: NodeJS.ProcessEnv = process.env): void {
  const dir = env[SECRET_REGISTRY_VARIABLE];
  if (!dir || value === '') return;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Base64 keeps one secret per line whatever it contains.
  appendFileSync(path.join(dir, REGISTRY_FILE), `${Buffer.from(value).toString('base64')}\n`, {
    mode: 0o600,
  });
}

export function readRegisteredSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  const dir = env[SECRET_REGISTRY_VARIABLE];
  if (!dir) return [];
  try {
    return readFileSync(path.join(dir, REGISTRY_FILE), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => Buffer.from(line, 'base64').toString());
  } catch {
    return [];
  }
}

export function removeSecretRegistry(env: NodeJS.ProcessEnv = process.env): void {
  const dir = env[SECRET_REGISTRY_VARIABLE];
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/**
 * Secrets known from the settings themselves: PFX passphrases and the paths of private keys and
 * PFX files, as given and made absolute.
 */
export function secretsFromSettings(env: NodeJS.ProcessEnv = process.env): string[] {
  return REAL_TARGETS.flatMap((name) => {
    const prefix = variablePrefix(name);
    const paths = [env[`${prefix}_KEY`], env[`${prefix}_PFX`]]
      .map((value) => value?.trim())
      .filter((value): value is string => Boolean(value))
      .flatMap((value) => [value, path.resolve(value)]);
    const passphrase = env[`${prefix}_PFX_PASSPHRASE`];
    return passphrase ? [...paths, passphrase] : paths;
  });
}
