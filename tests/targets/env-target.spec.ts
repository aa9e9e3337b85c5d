import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { expect, test as base } from '@playwright/test';

import { describeError } from '../../lib/errors.js';
import { loadEnvFile } from '../../lib/targets/env-file.js';
import { resolveEnvTarget } from '../../lib/targets/env-target.js';

const test = base.extend<{ dir: string; files: { cert: string; key: string } }>({
  dir: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cdlx-targets-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  files: async ({ dir }, use) => {
    const cert = path.join(dir, 'preprod.crt');
    const key = path.join(dir, 'preprod.key');
    await Promise.all([writeFile(cert, 'cert'), writeFile(key, 'key')]);
    await use({ cert, key });
  },
});

function settingsError(env: NodeJS.ProcessEnv, name: 'preprod' | 'prod' = 'preprod'): string {
  try {
    resolveEnvTarget(name, env);
  } catch (error) {
    return describeError(error);
  }
  throw new Error('the settings were accepted');
}

test.describe('target settings', () => {
  test('an empty environment gets one message naming every missing variable and its use', () => {
    const message = settingsError({});

    expect(message.split('\n')).toEqual([
      'The preprod target is not configured:',
      '  - CDLX_PREPROD_URL is not set: base URL of preprod, or set CDLX_PREPROD_REGION=eu|uk instead',
      '  - CDLX_PREPROD_CERT is not set: client certificate (PEM) Cardlytics signed from your CSR',
      '  - CDLX_PREPROD_KEY is not set: private key (PEM) of that certificate',
      '  - CDLX_PREPROD_CUSTOMER_ID is not set: sourceCustomerId of a known good customer (enrolled, with an account)',
      '  Set these variables (or put them in .env.cdlx; see docs/real-targets.md), then run again.',
    ]);
  });

  test('a region preset gives the known host, uk being the eu region', ({ files }) => {
    const common = {
      CDLX_PROD_CERT: files.cert,
      CDLX_PROD_KEY: files.key,
      CDLX_PROD_CUSTOMER_ID: 'c',
    };

    expect(resolveEnvTarget('prod', { ...common, CDLX_PROD_REGION: 'us' }).baseURL).toBe(
      'https://pub-api-us.prod.cardlytics.com',
    );
    expect(resolveEnvTarget('prod', { ...common, CDLX_PROD_REGION: 'UK' }).baseURL).toBe(
      'https://pub-api-eu.prod.cardlytics.com',
    );
  });

  test('a US pre-prod preset is refused, since no such host is published', () => {
    expect(settingsError({ CDLX_PREPROD_REGION: 'us' })).toContain(
      'CDLX_PREPROD_REGION=us has no known host: no US pre-prod host is published',
    );
  });

  test('an unreadable key is named by its variable, never by its path', ({ files, dir }) => {
    const hiddenKey = path.join(dir, 'secret-place', 'preprod.key');

    const message = settingsError({
      CDLX_PREPROD_URL: 'https://127.0.0.1:9',
      CDLX_PREPROD_CERT: files.cert,
      CDLX_PREPROD_KEY: hiddenKey,
      CDLX_PREPROD_CUSTOMER_ID: 'c',
    });

    expect(message).toContain(
      'CDLX_PREPROD_KEY (path not shown: it names secret material) cannot be read',
    );
    expect(message).not.toContain('secret-place');
  });

  test('a PFX needs its passphrase variable, which may be empty', ({ files }) => {
    const pfx = {
      CDLX_PROD_URL: 'https://h',
      CDLX_PROD_PFX: files.key,
      CDLX_PROD_CUSTOMER_ID: 'c',
    };

    expect(settingsError(pfx, 'prod')).toContain('CDLX_PROD_PFX_PASSPHRASE is not set');
    expect(resolveEnvTarget('prod', { ...pfx, CDLX_PROD_PFX_PASSPHRASE: '' }).identity).toEqual({
      kind: 'pfx',
      pfxPath: files.key,
      passphrase: '',
    });
  });

  test('a plain http URL is refused', ({ files }) => {
    expect(
      settingsError({
        CDLX_PREPROD_URL: 'http://example.test',
        CDLX_PREPROD_CERT: files.cert,
        CDLX_PREPROD_KEY: files.key,
        CDLX_PREPROD_CUSTOMER_ID: 'c',
      }),
    ).toContain('must be an https:// URL');
  });
});

test.describe('env files', () => {
  test('.env.cdlx fills in what is unset and never overrides the environment', async ({ dir }) => {
    await writeFile(
      path.join(dir, '.env.cdlx'),
      'CDLX_PREPROD_URL=https://from-file\nCDLX_PREPROD_CUSTOMER_ID="cust 1" # quoted\n',
    );
    const env: NodeJS.ProcessEnv = { CDLX_PREPROD_URL: 'https://from-env' };

    const result = loadEnvFile(env, dir);

    expect(result.applied).toEqual(['CDLX_PREPROD_CUSTOMER_ID']);
    expect(env).toEqual({
      CDLX_PREPROD_URL: 'https://from-env',
      CDLX_PREPROD_CUSTOMER_ID: 'cust 1',
    });
  });

  test('CDLX_ENV_FILE names another file, and a missing one is an error saying so', async ({
    dir,
  }) => {
    await writeFile(path.join(dir, 'gate.env'), 'CDLX_PROD_REGION=eu\n');
    const env: NodeJS.ProcessEnv = { CDLX_ENV_FILE: 'gate.env' };

    loadEnvFile(env, dir);

    expect(env.CDLX_PROD_REGION).toBe('eu');
    expect(() => loadEnvFile({ CDLX_ENV_FILE: 'missing.env' }, dir)).toThrow(
      /Cannot read the env file .*missing\.env \(from CDLX_ENV_FILE=missing\.env\)/,
    );
  });

  test('CDLX_ENV_FILE=none reads nothing, even when .env.cdlx exists', async ({ dir }) => {
    await writeFile(path.join(dir, '.env.cdlx'), 'CDLX_PROD_REGION=eu\n');
    const env: NodeJS.ProcessEnv = { CDLX_ENV_FILE: 'none' };

    expect(loadEnvFile(env, dir)).toEqual({ file: undefined, applied: [] });
    expect(env.CDLX_PROD_REGION).toBeUndefined();
  });
});
