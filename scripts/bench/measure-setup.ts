import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { ensureLocalPki } from '../../lib/pki/local-pki.js';
import { PROJECT_ROOT } from '../../lib/paths.js';

/**
 * Times `ensureLocalPki` from nothing, `runs` times, each in a fresh temporary folder. RSA key
 * generation time varies a lot from key to key, hence several runs. Returns the seconds of each
 * run and keeps the last folder (its material serves the benchmark's servers and client).
 */
export async function timeLocalPki(
  runs: number,
  parentDir: string,
): Promise<{ samplesSeconds: number[]; certsDir: string }> {
  const samplesSeconds: number[] = [];
  let certsDir = '';
  for (let run = 0; run < runs; run++) {
    if (certsDir) await rm(certsDir, { recursive: true, force: true });
    certsDir = await mkdtemp(path.join(parentDir, 'pki-'));
    const startedMs = performance.now();
    await ensureLocalPki(certsDir);
    samplesSeconds.push((performance.now() - startedMs) / 1000);
  }
  return { samplesSeconds, certsDir };
}

/**
 * Wall time of the mock project's suite. Reports go to a temporary folder and the dot reporter
 * replaces the configured ones, so a run here never overwrites the reports or test results of a
 * run someone else has going in the same checkout.
 */
export async function timeMockSuite(): Promise<{ seconds: number; passed: boolean }> {
  const outputDir = await mkdtemp(path.join(os.tmpdir(), 'cdlx-bench-suite-'));
  const startedMs = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      'npx',
      ['playwright', 'test', '--project=mock', '--reporter=dot', `--output=${outputDir}`],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const seconds = (performance.now() - startedMs) / 1000;
  await rm(outputDir, { recursive: true, force: true });
  return { seconds, passed: code === 0 };
}
