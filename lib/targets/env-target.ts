import { accessSync, constants, statSync } from 'node:fs';

import { CdlxError } from '../errors.js';
import type { Target } from './target.js';

export type RealTargetName = 'preprod' | 'prod';

/**
 * Known hosts by region (the reference sheet §1). No US pre-prod host is published, so pre-prod
 * has only the UK preset; set the URL explicitly elsewhere.
 */
export const HOST_PRESETS: Record<RealTargetName, Record<string, string>> = {
  preprod: { uk: 'https://publisher-uk-fiuat.cardlytics.com' },
  prod: {
    us: 'https://pub-api-us.prod.cardlytics.com',
    eu: 'https://pub-api-eu.prod.cardlytics.com',
  },
};

/** The variables of one real target, each with what it is for (shown when one is missing). */
export function targetVariables(name: RealTargetName): Record<string, string> {
  const prefix = `CDLX_${name.toUpperCase()}`;
  return {
    [`${prefix}_URL`]: `base URL of ${name}, or ${prefix}_REGION=${Object.keys(HOST_PRESETS[name]).join('|')}`,
    [`${prefix}_REGION`]: `region preset, used when ${prefix}_URL is not set`,
    [`${prefix}_CERT`]: 'client certificate (PEM) Cardlytics signed from your CSR',
    [`${prefix}_KEY`]: 'private key (PEM) of that certificate',
    [`${prefix}_PFX`]: `PKCS#12 file instead of ${prefix}_CERT and ${prefix}_KEY`,
    [`${prefix}_PFX_PASSPHRASE`]: `passphrase of ${prefix}_PFX`,
    [`${prefix}_CA`]: 'optional extra CA (PEM) to trust for the server certificate',
    [`${prefix}_CUSTOMER_ID`]:
      'sourceCustomerId of a known good customer (enrolled, with an account)',
    [`${prefix}_INSTITUTION_ID`]: 'optional institution id, for reports',
  };
}

/**
 * Reads a real target from environment variables. Every missing or unreadable setting is
 * collected first and reported in one error, so a misconfigured gate fails once, clearly, and
 * never looks like a pass.
 */
export function resolveEnvTarget(
  name: RealTargetName,
  env: NodeJS.ProcessEnv = process.env,
): Target {
  const prefix = `CDLX_${name.toUpperCase()}`;
  const variables = targetVariables(name);
  const problems: string[] = [];
  const get = (suffix: string): string | undefined =>
    env[`${prefix}_${suffix}`]?.trim() || undefined;
  const missing = (suffix: string): void => {
    const variable = `${prefix}_${suffix}`;
    problems.push(`${variable} is not set: ${variables[variable]}`);
  };
  const readable = (suffix: string): string | undefined => {
    const file = get(suffix);
    if (!file) return undefined;
    const reason = unreadableReason(file);
    if (reason) problems.push(`${prefix}_${suffix}=${file} ${reason}`);
    return file;
  };

  const region = get('REGION')?.toLowerCase();
  const baseURL = get('URL') ?? (region ? HOST_PRESETS[name][region] : undefined);
  if (!baseURL) {
    if (region)
      problems.push(
        `${prefix}_REGION=${region} is not a known region: use ${Object.keys(HOST_PRESETS[name]).join(', ')}`,
      );
    else missing('URL');
  } else if (!/^https:\/\/[^/]+/.test(baseURL)) {
    problems.push(`${prefix}_URL=${baseURL} must be an https:// URL`);
  }

  const pfxPath = readable('PFX');
  const certPath = readable('CERT');
  const keyPath = readable('KEY');
  const passphrase = env[`${prefix}_PFX_PASSPHRASE`];
  if (pfxPath) {
    if (passphrase === undefined) missing('PFX_PASSPHRASE');
  } else {
    if (!certPath) missing('CERT');
    if (!keyPath) missing('KEY');
  }
  const caPath = readable('CA');
  const knownGoodCustomerId = get('CUSTOMER_ID');
  if (!knownGoodCustomerId) missing('CUSTOMER_ID');

  if (problems.length > 0) {
    throw new CdlxError(
      'CDLX_TARGET_SETTINGS',
      [`The ${name} target is not configured:`, ...problems.map((p) => `  - ${p}`)].join('\n'),
      {
        hint: `Set these variables (see README "Running against pre-prod and prod"), then run again.`,
      },
    );
  }
  return {
    name,
    baseURL: baseURL!.replace(/\/+$/, ''),
    identity: pfxPath
      ? { kind: 'pfx', pfxPath, passphrase: passphrase! }
      : { kind: 'pem', certPath: certPath!, keyPath: keyPath! },
    extraCaPaths: caPath ? [caPath] : [],
    knownGoodCustomerId: knownGoodCustomerId!,
    institutionId: get('INSTITUTION_ID'),
  };
}

function unreadableReason(file: string): string | undefined {
  try {
    if (statSync(file).isDirectory()) return 'is a directory, not a file';
    accessSync(file, constants.R_OK);
    return undefined;
  } catch {
    return 'cannot be read (missing file or no permission)';
  }
}
