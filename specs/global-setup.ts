import { CERTS_DIR, displayPath } from '../lib/paths.js';
import { ensureLocalPki } from '../lib/pki/local-pki.js';
import { REAL_TARGETS, extraCaPathFromEnv } from '../lib/targets/env-target.js';
import { writeTrustBundle } from '../lib/trust-bundle.js';

/**
 * Runs once before the workers start: creates the local PKI on first use and writes the CA bundle
 * that NODE_EXTRA_CA_CERTS points at (see playwright.config.ts). Quiet unless it created something.
 */
export default async function globalSetup(): Promise<void> {
  const pki = await ensureLocalPki(CERTS_DIR);
  if (pki.created) {
    process.stderr.write(
      `cdlx: created the local test PKI in ${displayPath(CERTS_DIR)} (${pki.reason})\n`,
    );
  }
  await writeTrustBundle([pki.paths.ca.certPath, ...extraCaFiles()]);
}

/**
 * Extra CAs of the real targets whose CA variable names a readable file, whatever else is missing:
 * the setup project reports incomplete settings, in one message.
 */
function extraCaFiles(): string[] {
  return REAL_TARGETS.flatMap((name) => extraCaPathFromEnv(name) ?? []);
}
