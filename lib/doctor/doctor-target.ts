import { existsSync } from 'node:fs';

import { CdlxError, UsageError } from '../errors.js';
import { CERTS_DIR, displayPath } from '../paths.js';
import { localPkiPaths } from '../pki/local-pki.js';
import { loadEnvFile } from '../targets/env-file.js';
import { resolveEnvTarget } from '../targets/env-target.js';
import type { Target, TargetName } from '../targets/target.js';
import { SEEDED_CUSTOMERS } from '../../mock-server/state/default-seed.js';

/** What `npm run mock` listens on. */
export const DEFAULT_MOCK_URL = 'https://127.0.0.1:8443';

/**
 * The target doctor checks. `mock` is a mock already running at `url` (doctor starts nothing),
 * checked with the local PKI's client identity; `preprod` and `prod` come from their variables
 * (and CDLX_ENV_FILE or .env.cdlx), exactly as the Playwright projects read them.
 */
export function resolveDoctorTarget(
  name: TargetName,
  options: { url?: string; certsDir?: string } = {},
): Target {
  if (name !== 'mock') {
    if (options.url !== undefined) {
      throw new UsageError(`--url is for --target mock; ${name} takes its URL from its settings.`, {
        hint: `Set CDLX_${name.toUpperCase()}_URL instead.`,
      });
    }
    loadEnvFile();
    return resolveEnvTarget(name);
  }

  const url = options.url ?? DEFAULT_MOCK_URL;
  if (!/^https:\/\/[^/]+/.test(url)) {
    throw new UsageError(`--url ${url} is not an https:// URL.`, {
      hint: `The mock speaks mutual TLS only, e.g. --url ${DEFAULT_MOCK_URL}.`,
    });
  }
  const paths = localPkiPaths(options.certsDir ?? CERTS_DIR);
  const missing = [paths.ca.certPath, paths.client.certPath, paths.client.keyPath].filter(
    (file) => !existsSync(file),
  );
  if (missing.length > 0) {
    throw new CdlxError(
      'CDLX_DOCTOR_NO_LOCAL_PKI',
      `The local test PKI is incomplete: ${missing.map(displayPath).join(', ')} missing.`,
      { hint: 'Start the mock once with `npm run mock`: it creates the PKI in certs/.' },
    );
  }
  return {
    name: 'mock',
    baseURL: url.replace(/\/+$/, ''),
    identity: { kind: 'pem', certPath: paths.client.certPath, keyPath: paths.client.keyPath },
    extraCaPaths: [paths.ca.certPath],
    knownGoodCustomerId: SEEDED_CUSTOMERS.KNOWN_GOOD,
    institutionId: undefined,
  };
}
