import { accessSync, constants, statSync } from 'node:fs';

import { CdlxError } from '../errors.js';
import type { Target } from './target.js';

export type RealTargetName = 'preprod' | 'prod';
export const REAL_TARGETS: readonly RealTargetName[] = ['preprod', 'prod'];

/**
 * Known hosts by region (the reference sheet §1). Cardlytics serves the EU and the UK from one
 * region, so `uk` is an alias of `eu`. Only a UK pre-prod ("fiuat") host is published: there is no
 * US pre-prod preset, and asking for one says so rather than guessing a host name.
 */
export const HOST_PRESETS: Record<RealTargetName, Record<string, string>> = {
  preprod: { eu: 'https://publisher-uk-fiuat.cardlytics.com' },
  prod: {
    us: 'https://pub-api-us.prod.cardlytics.com',
    eu: 'https://pub-api-eu.prod.cardlytics.com',
  },
};
export const REGION_ALIASES: Readonly<Record<string, string>> = { uk: 'eu' };

/** `CDLX_PREPROD` or `CDLX_PROD`: the prefix of every variable of a real target. */
export function variablePrefix(name: RealTargetName): string {
  return `CDLX_${name.toUpperCase()}`;
}

function regionNames(name: RealTargetName): string {
  const presets = Object.keys(HOST_PRESETS[name]);
  const aliases = Object.keys(REGION_ALIASES).filter((alias) =>
    presets.includes(REGION_ALIASES[alias]!),
  );
  return [...presets, ...aliases].join('|');
}

/** The variables of one real target, each with what it is for (shown when one is missing). */
export function targetVariables(name: RealTargetName): Record<string, string> {
  const prefix = variablePrefix(name);
  return {
    [`${prefix}_URL`]: `base URL of ${name}, or set ${prefix}_REGION=${regionNames(name)} instead`,
    [`${prefix}_REGION`]: `region preset, used when ${prefix}_URL is not set`,
    [`${prefix}_CERT`]: 'client certificate (PEM) Cardlytics signed from your CSR',
    [`${prefix}_KEY`]: 'private key (PEM) of that certificate',
    [`${prefix}_PFX`]: `PKCS#12 file instead of ${prefix}_CERT and ${prefix}_KEY`,
    [`${prefix}_PFX_PASSPHRASE`]: `passphrase of ${prefix}_PFX (may be empty)`,
    [`${prefix}_CA`]: 'optional extra CA (PEM) to trust for the server certificate',
    [`${prefix}_CUSTOMER_ID`]:
      'sourceCustomerId of a known good customer (enrolled, with an account)',
    [`${prefix}_INSTITUTION_ID`]: 'optional institution id, for reports',
  };
}

/**
 * Reads a real target from environment variables. Every missing or unreadable setting is
 * collected first and reported in one error, so a misconfigured gate fails once, clearly, and
 * never looks like a pass. Key and PFX paths are named by their variable, never by value: the
 * message ends up in test reports.
 */
export function resolveEnvTarget(
  name: RealTargetName,
  env: NodeJS.ProcessEnv = process.env,
): Target {
  const prefix = variablePrefix(name);
  const variables = targetVariables(name);
  const problems: string[] = [];
  const get = (suffix: string): string | undefined =>
    env[`${prefix}_${suffix}`]?.trim() || undefined;
  const missing = (suffix: string): void => {
    const variable = `${prefix}_${suffix}`;
    problems.push(`${variable} is not set: ${variables[variable]}`);
  };
  const readable = (suffix: string, { showValue }: { showValue: boolean }): string | undefined => {
    const file = get(suffix);
    if (!file) return undefined;
    const reason = unreadableReason(file);
    const shown = showValue ? `=${file}` : ' (path not shown: it names secret material)';
    if (reason) problems.push(`${prefix}_${suffix}${shown} ${reason}`);
    return file;
  };

  const baseURL = resolveBaseUrl(name, get('URL'), get('REGION')?.toLowerCase(), problems);

  const pfxPath = readable('PFX', { showValue: false });
  const certPath = readable('CERT', { showValue: true });
  const keyPath = readable('KEY', { showValue: false });
  const passphrase = env[`${prefix}_PFX_PASSPHRASE`];
  if (pfxPath && (certPath || keyPath)) {
    problems.push(
      `${prefix}_PFX and ${prefix}_CERT/${prefix}_KEY are both set: keep one identity, unset the other`,
    );
  } else if (pfxPath) {
    if (passphrase === undefined) missing('PFX_PASSPHRASE');
  } else {
    if (!certPath) missing('CERT');
    if (!keyPath) missing('KEY');
  }
  const caPath = readable('CA', { showValue: true });
  const knownGoodCustomerId = get('CUSTOMER_ID');
  if (!knownGoodCustomerId) missing('CUSTOMER_ID');

  if (problems.length > 0) {
    throw new CdlxError(
      'CDLX_TARGET_SETTINGS',
      [`The ${name} target is not configured:`, ...problems.map((p) => `  - ${p}`)].join('\n'),
      {
        hint: `Set these variables (or put them in .env.cdlx; see docs/real-targets.md), then run again.`,
      },
    );
  }
  return {
    name,
    baseURL: baseURL!,
    identity: pfxPath
      ? { kind: 'pfx', pfxPath, passphrase: passphrase! }
      : { kind: 'pem', certPath: certPath!, keyPath: keyPath! },
    extraCaPaths: caPath ? [caPath] : [],
    knownGoodCustomerId: knownGoodCustomerId!,
    institutionId: get('INSTITUTION_ID'),
  };
}

/**
 * The extra CA of a target when its variable names a readable file, whatever else is missing:
 * the trust bundle is written before the setup project reports the rest.
 */
export function extraCaPathFromEnv(
  name: RealTargetName,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const file = env[`${variablePrefix(name)}_CA`]?.trim();
  return file && unreadableReason(file) === undefined ? file : undefined;
}

function resolveBaseUrl(
  name: RealTargetName,
  url: string | undefined,
  region: string | undefined,
  problems: string[],
): string | undefined {
  const prefix = variablePrefix(name);
  if (!url && !region) {
    problems.push(`${prefix}_URL is not set: ${targetVariables(name)[`${prefix}_URL`]}`);
    return undefined;
  }
  if (!url) {
    const preset = HOST_PRESETS[name][REGION_ALIASES[region!] ?? region!];
    if (!preset) {
      const why =
        name === 'preprod' && region === 'us'
          ? 'no US pre-prod host is published; set the URL Cardlytics gave you'
          : `use ${regionNames(name).replaceAll('|', ', ')}`;
      problems.push(`${prefix}_REGION=${region} has no known host: ${why} (${prefix}_URL)`);
    }
    return preset;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    problems.push(`${prefix}_URL=${url} is not a URL: write it like https://host[:port]`);
    return undefined;
  }
  if (parsed.protocol !== 'https:') {
    problems.push(`${prefix}_URL=${url} must be an https:// URL (the API is mutual TLS only)`);
    return undefined;
  }
  return url.replace(/\/+$/, '');
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
