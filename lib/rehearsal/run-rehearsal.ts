import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { runDoctor } from '../doctor/run-doctor.js';
import { describeError } from '../errors.js';
import { findSecrets } from '../reporting/artefact-scan.js';
import { resolveReportsDir } from '../reporting/reports-dir.js';
import { resolveEnvTarget, variablePrefix, type RealTargetName } from '../targets/env-target.js';
import { startStandIn, type StandIn } from '../../mock-server/stand-in.js';
import { childEnv } from './child-env.js';
import {
  countFiles,
  readStats,
  readSwitchOn,
  secretsOfRun,
  targetVariables,
} from './run-artefacts.js';
import { runPlaywrightProject } from './playwright-run.js';
import {
  bundlePfx,
  inspectReturned,
  lintCsrs,
  makeKeyAndCsr,
  makeVendorCa,
  vendorSigns,
} from './publisher-material.js';
import type { EnvironmentOutcome, RehearsalResult, RehearsalStep } from './rehearsal-report.js';

export interface RehearsalOptions {
  /** Where the reports go: <dir>/rehearsal/<env>/. Defaults to the main reports folder. */
  reportsDir?: string;
  /** Keep the temporary folder (keys, CSRs, certificates) for a look afterwards. */
  keep?: boolean;
  /** Called with one line per completed step. */
  onProgress?: (line: string) => void;
}

const ENVIRONMENTS: readonly RealTargetName[] = ['preprod', 'prod'];
/** The address the stand-ins admit, playing the publisher's allow-listed egress address. */
const ALLOWED_SOURCE = '127.0.0.1';
/** Any other address: doctor must call it "not on the allow-list". */
const OTHER_SOURCE = '127.0.0.2';
const STEP_COUNT = 13;

class StepFailed extends Error {}

/**
 * The whole go-live, offline, as a publisher lives it: keys and CSRs, lint, the vendor signs,
 * the certificates come back and are inspected, then a pre-prod and a prod stand-in play the real
 * environments and doctor and the Playwright projects run against them through the very
 * variables a publisher sets (prod with a PFX and passphrase, pre-prod with PEM files). Ends by
 * searching every report and the run output for the session tokens and the passphrase.
 *
 * @example const result = await runRehearsal({ onProgress: console.error });
 */
export async function runRehearsal(options: RehearsalOptions = {}): Promise<RehearsalResult> {
  const started = performance.now();
  const workDir = await mkdtemp(path.join(tmpdir(), 'cdlx-rehearsal-'));
  const publisherDir = path.join(workDir, 'publisher');
  const reportsRoot = path.join(options.reportsDir ?? resolveReportsDir(), 'rehearsal');
  const passphrase = randomBytes(18).toString('base64url');
  const steps: RehearsalStep[] = [];
  const standIns: StandIn[] = [];
  const outcomes = new Map<RealTargetName, EnvironmentOutcome>(
    ENVIRONMENTS.map((env) => [env, { env, reportsDir: path.join(reportsRoot, env) }]),
  );
  const outputs: { where: string; text: string }[] = [];

  const step = async <T>(title: string, run: () => Promise<[T, string]>): Promise<T> => {
    const stepStarted = performance.now();
    const ms = (): number => Math.round(performance.now() - stepStarted);
    let value: T;
    let detail: string;
    try {
      [value, detail] = await run();
    } catch (error) {
      steps.push({ title, ok: false, detail: describeError(error), ms: ms() });
      options.onProgress?.(`[${steps.length}/${STEP_COUNT}] ${title}: FAILED`);
      throw new StepFailed(title);
    }
    steps.push({ title, ok: true, detail, ms: ms() });
    options.onProgress?.(`[${steps.length}/${STEP_COUNT}] ${title}: ${detail} (${ms()} ms)`);
    return value;
  };

  let secretScan: RehearsalResult['secretScan'];
  try {
    // The publisher prepares and sends CSRs; the vendor signs them.
    const csrs = await step('keys and CSRs (cdlx csr)', async () => {
      const made = await Promise.all(ENVIRONMENTS.map((env) => makeKeyAndCsr(publisherDir, env)));
      return [made, made.map((csr) => `${csr.env} ${csr.subject}`).join('; ')];
    });
    await step('CSR lint (cdlx csr lint)', async () => [
      undefined,
      await lintCsrs(csrs.map((csr) => csr.csrPath)),
    ]);
    const vendorCa = await step('vendor CA (cdlx ca init)', async () => {
      const ca = await makeVendorCa(path.join(workDir, 'vendor-ca'));
      return [ca, 'the stand-in for the CA Cardlytics signs with'];
    });
    const vendorDir = path.dirname(vendorCa.certPath);
    const [preprodCsr, prodCsr] = csrs as [(typeof csrs)[0], (typeof csrs)[0]];
    const certs = await step('vendor signs both CSRs (cdlx ca sign)', async () => {
      const signed = await Promise.all(csrs.map((csr) => vendorSigns(vendorDir, csr.csrPath)));
      return [signed, signed.map((file) => path.basename(file)).join(', ')];
    });
    const pfxPath = path.join(publisherDir, 'prod.pfx');
    await step('prod certificate as PKCS#12 (cdlx cert bundle)', async () => {
      await bundlePfx({ certPath: certs[1]!, keyPath: prodCsr.keyPath, pfxPath, passphrase });
      return [undefined, 'prod.pfx, passphrase from an environment variable'];
    });
    await step('returned certificates checked (cdlx cert inspect)', async () => {
      const reports = await Promise.all([
        inspectReturned({
          cert: certs[0]!,
          key: preprodCsr.keyPath,
          csr: preprodCsr.csrPath,
          ca: vendorCa.certPath,
        }),
        inspectReturned({ cert: pfxPath, csr: prodCsr.csrPath, ca: vendorCa.certPath, passphrase }),
      ]);
      reports.forEach((report, index) => {
        const { subject, notAfter, daysLeft } = report;
        outcomes.get(ENVIRONMENTS[index]!)!.certificate = { subject, notAfter, daysLeft };
      });
      return [undefined, reports.map((r) => `${r.daysLeft} days left`).join(', ')];
    });

    // Cardlytics switches the environments on: stand-ins play them.
    const settings = await step('pre-prod and prod stand-ins started', async () => {
      const started = await Promise.allSettled(
        ENVIRONMENTS.map((env) =>
          startStandIn({ env, caDir: vendorDir, allowedCidrs: [`${ALLOWED_SOURCE}/32`] }),
        ),
      );
      // Keep whatever started, so it is closed even when the other one failed.
      for (const result of started) if (result.status === 'fulfilled') standIns.push(result.value);
      const failure = started.find((result) => result.status === 'rejected');
      if (failure) throw failure.reason;
      const variables = {
        ...targetVariables('preprod', standIns[0]!, { CERT: certs[0]!, KEY: preprodCsr.keyPath }),
        ...targetVariables('prod', standIns[1]!, { PFX: pfxPath, PFX_PASSPHRASE: passphrase }),
      };
      return [variables, standIns.map((s) => `${s.env} ${s.url}`).join(', ')];
    });
    const targetEnv = (env: RealTargetName): Record<string, string> =>
      Object.fromEntries(
        Object.entries(settings).filter(([name]) => name.startsWith(`${variablePrefix(env)}_`)),
      );

    for (const env of ENVIRONMENTS) {
      await step(`doctor --target ${env}`, async () => {
        const report = await runDoctor({ target: resolveEnvTarget(env, targetEnv(env)) });
        outcomes.get(env)!.doctor = report;
        if (!report.ok) throw new Error(report.summary);
        return [undefined, report.summary];
      });
    }
    await step(`doctor from ${OTHER_SOURCE}, not on the allow-list`, async () => {
      const report = await runDoctor({
        target: resolveEnvTarget('preprod', targetEnv('preprod')),
        localAddress: OTHER_SOURCE,
      });
      if (report.verdict !== 'not-allow-listed') {
        throw new Error(
          `doctor said ${report.verdict} instead of not-allow-listed: ${report.summary}`,
        );
      }
      return [undefined, 'refused before TLS, and doctor says why'];
    });

    for (const env of ENVIRONMENTS) {
      await step(`npx playwright test --project=${env}`, async () => {
        const outcome = outcomes.get(env)!;
        const run = await runPlaywrightProject(
          env,
          childEnv({ ...targetEnv(env), CDLX_REPORTS_DIR: outcome.reportsDir }),
        );
        outputs.push(
          { where: `${env} run stdout`, text: run.stdout },
          { where: `${env} run stderr`, text: run.stderr },
        );
        const stats = await readStats(outcome.reportsDir);
        outcome.specs = { exitCode: run.exitCode, ...stats, ms: run.ms };
        const switchOn = await readSwitchOn(outcome.reportsDir);
        if (switchOn) outcome.switchOn = switchOn;
        if (run.exitCode !== 0) {
          throw new Error(
            `exit ${run.exitCode}; see ${outcome.reportsDir}\n${run.stdout.slice(-2000)}`,
          );
        }
        return [undefined, `${stats.passed} passed`];
      });
    }

    secretScan = await step('no secret in any report, trace or log', async () => {
      const secrets = await secretsOfRun(standIns, passphrase, [
        preprodCsr.keyPath,
        prodCsr.keyPath,
        pfxPath,
      ]);
      const roots = [...outcomes.values()].map((outcome) => outcome.reportsDir);
      const sightings = await findSecrets(roots, secrets, outputs);
      const filesSearched = (await Promise.all(roots.map(countFiles))).reduce((a, b) => a + b, 0);
      const scan = { filesSearched, sightings: sightings.map((s) => `${s.label} in ${s.where}`) };
      if (sightings.length > 0) throw new Error(scan.sightings.join('\n'));
      return [
        scan,
        `${secrets.length} secrets, ${filesSearched} files and the run output searched`,
      ];
    });
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
  } finally {
    await Promise.all(standIns.map((standIn) => standIn.close()));
    if (!options.keep) await rm(workDir, { recursive: true, force: true });
  }

  return {
    ok: steps.length === STEP_COUNT && steps.every((s) => s.ok),
    steps,
    environments: [...outcomes.values()],
    ...(secretScan ? { secretScan } : {}),
    workDir,
    ms: Math.round(performance.now() - started),
  };
}
