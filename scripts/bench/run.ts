/**
 * `npm run bench`: the mock against a bare node:https server with the same TLS settings, in the
 * same run, each in its own process pinned to core 0, driven by autocannon pinned to core 1.
 * Prints medians of interleaved rounds and the ratios mock / baseline; see docs/performance.md.
 *
 *   npm run bench -- --quick --json bench-out.json
 *
 * Exits 0 when the benchmark ran (a missed target is printed as BELOW TARGET, not an error),
 * 1 when it could not run, 2 on wrong usage.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, printError, printNote } from '../../lib/cli/output.js';
import { UsageError, describeError } from '../../lib/errors.js';
import { REPORTS_DIR, displayPath } from '../../lib/paths.js';
import { BenchChild, isPinningAvailable } from './child-process.js';
import { runLoadPhases, type BenchServers } from './load-phases.js';
import { timeLocalPki, timeMockSuite } from './measure-setup.js';
import { USAGE, parseBenchArgs, type BenchOptions } from './options.js';
import { formatSelfTime, readProfile, topSelfTime } from './read-profile.js';
import { checkTargets, toJson, type BenchReport } from './report.js';
import { captureAnswers, buildScenarios, startBenchSession } from './scenarios.js';
import { median } from './stats.js';
import { formatReport } from './table.js';
import { clientContext } from './client-identity.js';

/** Cores the two sides are pinned to (a 2-core machine: one each). */
const SERVER_CORE = 0;
const LOAD_CORE = 1;

async function runBench(options: BenchOptions): Promise<BenchReport> {
  const { plan } = options;
  const loadAtStart = os.loadavg()[0]!;
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'cdlx-bench-'));
  const children: BenchChild[] = [];
  try {
    printNote(`bench: creating the local PKI ${plan.pkiRuns} times in a temporary folder`);
    const pki = await timeLocalPki(plan.pkiRuns, workDir);
    const { certsDir } = pki;

    const profileDir = path.join(workDir, 'profile');
    const mockChild = new BenchChild({
      script: 'server-child.ts',
      core: SERVER_CORE,
      nodeFlags: [
        '--expose-gc',
        ...(options.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      ],
    });
    children.push(mockChild);
    const loadChild = new BenchChild({ script: 'load-child.ts', core: LOAD_CORE });
    children.push(loadChild);
    const mockStart = await mockChild.request<{ port: number }>({
      type: 'start',
      kind: 'mock',
      certsDir,
    });
    const mockUrl = `https://127.0.0.1:${mockStart.port}`;

    // The baseline serves the mock's own answers, so both put the same bytes on the wire.
    const context = clientContext(certsDir);
    const scenarios = buildScenarios(await startBenchSession(mockUrl, context));
    const bodies = await captureAnswers(mockUrl, context, scenarios);
    const baselineChild = new BenchChild({
      script: 'server-child.ts',
      core: SERVER_CORE,
      nodeFlags: ['--expose-gc'],
    });
    children.push(baselineChild);
    const baselineStart = await baselineChild.request<{ port: number }>({
      type: 'start',
      kind: 'baseline',
      certsDir,
      bodies,
    });

    const servers: BenchServers = {
      baseline: { child: baselineChild, url: `https://127.0.0.1:${baselineStart.port}` },
      mock: { child: mockChild, url: mockUrl },
    };
    const phases = await runLoadPhases({ plan, servers, load: loadChild, certsDir, scenarios });

    await Promise.all(children.map((child) => child.stop()));
    if (options.profile) await printProfile(profileDir);

    let suite: BenchReport['suite'] = null;
    if (options.runSuite) {
      printNote('bench: timing npx playwright test --project=mock');
      suite = await timeMockSuite();
    }

    const answerBytes = Object.fromEntries(
      scenarios.map((scenario) => [
        scenario.name,
        Buffer.byteLength(bodies[scenario.step.path] ?? ''),
      ]),
    );
    const report: Omit<BenchReport, 'targets'> = {
      mode: plan.mode,
      date: new Date().toISOString(),
      machine: {
        node: process.versions.node,
        cpus: os.availableParallelism(),
        pinned: isPinningAvailable(),
        loadAverage: { start: loadAtStart, end: os.loadavg()[0]! },
      },
      answerBytes,
      ...phases,
      pki: {
        runs: plan.pkiRuns,
        medianSeconds: median(pki.samplesSeconds),
        samplesSeconds: pki.samplesSeconds,
      },
      suite,
    };
    return { ...report, targets: checkTargets(report) };
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * Prints the mock's 25 hottest functions by self time (the profile covers the whole run) and keeps
 * the profile under reports/ for Chrome DevTools or any .cpuprofile viewer.
 */
async function printProfile(profileDir: string): Promise<void> {
  const files = (await readdir(profileDir)).filter((name) => name.endsWith('.cpuprofile'));
  if (files.length === 0) throw new Error(`no .cpuprofile was written to ${profileDir}`);
  const kept = path.join(REPORTS_DIR, 'bench-mock.cpuprofile');
  await mkdir(REPORTS_DIR, { recursive: true });
  await copyFile(path.join(profileDir, files[0]!), kept);
  printNote(`bench: the mock's CPU profile is in ${displayPath(kept)}`);
  const profile = await readProfile(kept);
  process.stdout.write(
    `Mock CPU profile, top self time:\n${formatSelfTime(topSelfTime(profile, 25))}\n\n`,
  );
}

async function main(argv: readonly string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(argv);
  } catch (error) {
    printError(describeError(error));
    return error instanceof UsageError ? EXIT_USAGE : EXIT_PROBLEM;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }

  try {
    const report = await runBench(options);
    process.stdout.write(`${formatReport(report)}\n`);
    if (options.jsonPath) {
      await writeFile(options.jsonPath, `${JSON.stringify(toJson(report), null, 2)}\n`);
      printNote(`bench: figures written to ${options.jsonPath}`);
    }
    return EXIT_OK;
  } catch (error) {
    printError(`the benchmark could not run: ${describeError(error)}`);
    return EXIT_PROBLEM;
  }
}

process.exitCode = await main(process.argv.slice(2));
