import { parseArgs } from 'node:util';

import { UsageError } from '../../lib/errors.js';

/** How long and how often each part of the benchmark runs. */
export interface BenchPlan {
  mode: 'quick' | 'full';
  /** Mixed traffic on both servers before anything counts. */
  warmupSeconds: number;
  /** Then one run of each operation alone, on both servers, before its rounds. */
  operationWarmupSeconds: number;
  runSeconds: number;
  /** Interleaved baseline/mock pairs for getAds (the figures with targets). */
  getAdsRounds: number;
  /** Pairs for the other operations, reported for information. */
  otherRounds: number;
  handshakeRounds: number;
  handshakeSeconds: number;
  /** Bounds the handshake loop by count as well as by time. */
  handshakeMaxConnections: number;
  handshakeParallel: number;
  /** Length of the mixed-traffic run between the two heap readings. */
  soakSeconds: number;
  pkiRuns: number;
}

/** About four minutes plus the suite on a 2-core machine. */
export const FULL_PLAN: BenchPlan = {
  mode: 'full',
  warmupSeconds: 3,
  operationWarmupSeconds: 3,
  runSeconds: 5,
  getAdsRounds: 5,
  otherRounds: 3,
  handshakeRounds: 3,
  handshakeSeconds: 3,
  handshakeMaxConnections: 5000,
  handshakeParallel: 8,
  soakSeconds: 30,
  pkiRuns: 5,
};

/**
 * Under 60 s in all, the mock suite included (about 10 s of it). Five getAds rounds of 0.8 s:
 * runs of 0.6 s paired worse on a shared machine (one pair in three off by half or more),
 * and the median of five pairs moves less with one or two disturbed pairs than that of three.
 */
export const QUICK_PLAN: BenchPlan = {
  mode: 'quick',
  warmupSeconds: 1,
  operationWarmupSeconds: 0.6,
  runSeconds: 0.8,
  getAdsRounds: 5,
  otherRounds: 1,
  handshakeRounds: 2,
  handshakeSeconds: 1,
  handshakeMaxConnections: 2000,
  handshakeParallel: 8,
  soakSeconds: 2,
  pkiRuns: 3,
};

export interface BenchOptions {
  plan: BenchPlan;
  /** Where to write the figures as JSON, if asked. */
  jsonPath: string | undefined;
  /** Time `npx playwright test --project=mock` too (off with --no-suite). */
  runSuite: boolean;
  /** Run the mock under --cpu-prof and print its hottest functions. */
  profile: boolean;
  help: boolean;
}

export const USAGE = [
  'Usage: npm run bench -- [--quick] [--json FILE] [--no-suite] [--profile]',
  '',
  'Measures the mock against a bare node:https server with the same TLS settings, side by side,',
  'each pinned to its own core, and prints the ratios (mock / baseline).',
  '',
  '  --quick        short runs; finishes in under a minute',
  '  --json FILE    also write every figure to FILE as JSON',
  '  --no-suite     do not time `npx playwright test --project=mock`',
  '  --profile      run the mock under --cpu-prof and list its top self-time functions',
  '  -h, --help     show this help',
].join('\n');

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        quick: { type: 'boolean', default: false },
        json: { type: 'string' },
        // Declared as its own flag: parseArgs' allowNegative needs Node 22.4.
        'no-suite': { type: 'boolean', default: false },
        profile: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}.`, { hint: USAGE });
  }
  if (values.json === '') {
    throw new UsageError('--json needs a file name.', { hint: 'e.g. --json bench-out.json' });
  }
  return {
    plan: values.quick ? QUICK_PLAN : FULL_PLAN,
    jsonPath: values.json,
    runSuite: !values['no-suite'],
    profile: values.profile,
    help: values.help,
  };
}
