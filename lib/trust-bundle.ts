import { readFileSync } from 'node:fs';
import path from 'node:path';

import { writePublicFile } from './fs-secure.js';
import { CERTS_DIR } from './paths.js';

/** Where the kit writes the CA bundle that NODE_EXTRA_CA_CERTS points at during a test run. */
export const TRUST_BUNDLE_PATH = path.join(CERTS_DIR, 'trust-bundle.pem');

/** Remembers the bundle the user had, so re-evaluating the config never loses or nests it. */
const ORIGINAL_VARIABLE = 'CDLX_ORIGINAL_NODE_EXTRA_CA_CERTS';

/**
 * Points NODE_EXTRA_CA_CERTS at the kit's bundle before Playwright starts its workers. Playwright's
 * `clientCertificates` has no `ca` option, and `ignoreHTTPSErrors` would stop checking the server,
 * so the local CA is trusted this way. Returns the file the user had set, if any.
 */
export function useTrustBundle(): string | undefined {
  if (process.env[ORIGINAL_VARIABLE] === undefined) {
    const current = process.env.NODE_EXTRA_CA_CERTS;
    process.env[ORIGINAL_VARIABLE] = current && current !== TRUST_BUNDLE_PATH ? current : '';
  }
  process.env.NODE_EXTRA_CA_CERTS = TRUST_BUNDLE_PATH;
  return process.env[ORIGINAL_VARIABLE] || undefined;
}

/**
 * Writes the bundle: every certificate the user's NODE_EXTRA_CA_CERTS file held (a corporate
 * bundle must keep working), then each extra CA file given.
 */
export async function writeTrustBundle(caFiles: readonly string[]): Promise<void> {
  const original = process.env[ORIGINAL_VARIABLE];
  const parts = [original, ...caFiles]
    .filter((file): file is string => Boolean(file))
    .map((file) => readFileSync(file, 'utf8').trim());
  await writePublicFile(TRUST_BUNDLE_PATH, `${parts.join('\n')}\n`);
}
