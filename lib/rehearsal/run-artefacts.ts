import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import type { Secret } from '../reporting/artefact-scan.js';
import { REPORT_FILES } from '../reporting/reports-dir.js';
import type { TargetSummary } from '../reporting/switch-on-summary.js';
import { variablePrefix, type RealTargetName } from '../targets/env-target.js';
import type { StandIn } from '../../mock-server/stand-in.js';

/** The variables a publisher sets for one target, pointed at its stand-in. */
export function targetVariables(
  env: RealTargetName,
  standIn: StandIn,
  identity: Record<string, string>,
): Record<string, string> {
  const prefix = variablePrefix(env);
  const variables: Record<string, string> = {
    [`${prefix}_URL`]: standIn.url,
    [`${prefix}_CA`]: standIn.caCertPath,
    [`${prefix}_CUSTOMER_ID`]: standIn.knownGoodCustomerId,
    [`${prefix}_INSTITUTION_ID`]: standIn.institutionId,
  };
  for (const [suffix, value] of Object.entries(identity)) variables[`${prefix}_${suffix}`] = value;
  return variables;
}

export async function secretsOfRun(
  standIns: readonly StandIn[],
  passphrase: string,
  keyPaths: readonly string[],
): Promise<Secret[]> {
  const tokens = standIns.flatMap((standIn) =>
    standIn
      .issuedTokens()
      .map((value, index) => ({ label: `${standIn.env} session token ${index + 1}`, value })),
  );
  // A line from the middle of each key stands for the key itself.
  const keyLines = await Promise.all(
    keyPaths
      .filter((file) => file.endsWith('.key'))
      .map(async (file) => ({
        label: `private key ${path.basename(file)}`,
        value: (await readFile(file, 'utf8')).split('\n')[2] ?? '',
      })),
  );
  return [
    ...tokens,
    { label: 'PFX passphrase', value: passphrase },
    ...keyPaths.map((file) => ({ label: `key path ${path.basename(file)}`, value: file })),
    ...keyLines,
  ];
}

export async function readStats(reportsDir: string): Promise<{ passed: number; failed: number }> {
  try {
    const json = JSON.parse(await readFile(path.join(reportsDir, REPORT_FILES.json), 'utf8')) as {
      stats: { expected: number; unexpected: number; flaky: number };
    };
    return { passed: json.stats.expected + json.stats.flaky, failed: json.stats.unexpected };
  } catch {
    return { passed: 0, failed: 0 };
  }
}

export async function readSwitchOn(reportsDir: string): Promise<TargetSummary | undefined> {
  const file = path.join(reportsDir, REPORT_FILES.switchOn.replace(/\.md$/, '.json'));
  try {
    const [summary] = JSON.parse(await readFile(file, 'utf8')) as TargetSummary[];
    return summary;
  } catch {
    return undefined;
  }
}

export async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).length;
}
