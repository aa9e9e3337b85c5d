import { median, medianPairedRatio, ratio } from './stats.js';

/** One server's figures in one load run. */
export interface RunSample {
  requestsPerSecond: number;
  cpuMicrosPerRequest: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

/** Medians over the rounds of one server in one scenario. */
export interface ServerFigures extends RunSample {
  /**
   * Requests one core could serve at this cost: 1 s / CPU time per request. Unlike the measured
   * rate it does not depend on how much of its core the server got while others ran.
   */
  serverBoundRequestsPerSecond: number;
}

/** Each ratio is the median of the ratios of paired rounds (round i of both sides). */
export interface ScenarioFigures {
  operation: string;
  connections: number;
  rounds: number;
  baseline: ServerFigures;
  mock: ServerFigures;
  /**
   * The mock's server-bound request rate as a share of the baseline's: baseline CPU time per
   * request / the mock's. The figure the 0.7 target is set on.
   */
  throughputRatio: number;
  /** Requests per second as measured by the load generator, mock / baseline. */
  measuredThroughputRatio: number;
  /** mock / baseline. */
  cpuPerRequestRatio: number;
  p50Ratio: number;
  p99Ratio: number;
  /** Server CPU µs per request of every round, in order: how far the rounds agree. */
  cpuMicrosPerRequestByRound: { baseline: number[]; mock: number[] };
}

export interface HandshakeSample {
  perSecond: number;
  cpuMicrosPerHandshake: number;
}

export interface HandshakeFigures {
  rounds: number;
  baseline: HandshakeSample;
  mock: HandshakeSample;
  rateRatio: number;
  cpuPerHandshakeRatio: number;
}

export interface HeapFigures {
  soakSeconds: number;
  beforeMiB: number;
  afterMiB: number;
  growthPercent: number;
}

export interface BenchReport {
  mode: 'quick' | 'full';
  date: string;
  machine: {
    node: string;
    cpus: number;
    pinned: boolean;
    /** 1-minute load average at the start and the end: above the core count, others were busy. */
    loadAverage: { start: number; end: number };
  };
  /** Size of the answer each operation sends (the baseline sends the same bytes). */
  answerBytes: Record<string, number>;
  /** Keyed by operation, then by `c<connections>`, e.g. `getAds.c16.throughputRatio`. */
  operations: Record<string, Record<string, ScenarioFigures>>;
  handshake: HandshakeFigures;
  heap: HeapFigures;
  pki: { runs: number; medianSeconds: number; samplesSeconds: number[] };
  suite: { seconds: number; passed: boolean } | null;
  targets: TargetCheck[];
}

export interface TargetCheck {
  name: string;
  value: number;
  comparison: '>=' | '<=' | '<';
  limit: number;
  met: boolean;
}

/** Combines the paired rounds of one scenario (index i of both lists ran back to back). */
export function summariseScenario(
  operation: string,
  connections: number,
  baseline: readonly RunSample[],
  mock: readonly RunSample[],
): ScenarioFigures {
  const pick = (samples: readonly RunSample[], key: keyof RunSample): number[] =>
    samples.map((sample) => sample[key]);
  const medians = (samples: readonly RunSample[]): ServerFigures => {
    const cpuMicrosPerRequest = median(pick(samples, 'cpuMicrosPerRequest'));
    return {
      requestsPerSecond: median(pick(samples, 'requestsPerSecond')),
      cpuMicrosPerRequest,
      serverBoundRequestsPerSecond: ratio(1_000_000, cpuMicrosPerRequest),
      latencyP50Ms: median(pick(samples, 'latencyP50Ms')),
      latencyP99Ms: median(pick(samples, 'latencyP99Ms')),
    };
  };
  const paired = (key: keyof RunSample): number =>
    medianPairedRatio(pick(mock, key), pick(baseline, key));
  return {
    operation,
    connections,
    rounds: Math.min(baseline.length, mock.length),
    baseline: medians(baseline),
    mock: medians(mock),
    throughputRatio: medianPairedRatio(
      pick(baseline, 'cpuMicrosPerRequest'),
      pick(mock, 'cpuMicrosPerRequest'),
    ),
    measuredThroughputRatio: paired('requestsPerSecond'),
    cpuPerRequestRatio: paired('cpuMicrosPerRequest'),
    p50Ratio: paired('latencyP50Ms'),
    p99Ratio: paired('latencyP99Ms'),
    cpuMicrosPerRequestByRound: {
      baseline: pick(baseline, 'cpuMicrosPerRequest'),
      mock: pick(mock, 'cpuMicrosPerRequest'),
    },
  };
}

export function summariseHandshakes(
  baseline: readonly HandshakeSample[],
  mock: readonly HandshakeSample[],
): HandshakeFigures {
  const pick = (samples: readonly HandshakeSample[], key: keyof HandshakeSample): number[] =>
    samples.map((sample) => sample[key]);
  const medians = (samples: readonly HandshakeSample[]): HandshakeSample => ({
    perSecond: median(pick(samples, 'perSecond')),
    cpuMicrosPerHandshake: median(pick(samples, 'cpuMicrosPerHandshake')),
  });
  return {
    rounds: Math.min(baseline.length, mock.length),
    baseline: medians(baseline),
    mock: medians(mock),
    rateRatio: medianPairedRatio(pick(mock, 'perSecond'), pick(baseline, 'perSecond')),
    cpuPerHandshakeRatio: medianPairedRatio(
      pick(mock, 'cpuMicrosPerHandshake'),
      pick(baseline, 'cpuMicrosPerHandshake'),
    ),
  };
}

export function summariseHeap(soakSeconds: number, beforeBytes: number, afterBytes: number) {
  const mib = (bytes: number): number => bytes / (1024 * 1024);
  return {
    soakSeconds,
    beforeMiB: mib(beforeBytes),
    afterMiB: mib(afterBytes),
    growthPercent: (ratio(afterBytes, beforeBytes) - 1) * 100,
  } satisfies HeapFigures;
}

/** The targets the mock is held to; a missed one is reported, never turned into a failure. */
export function checkTargets(report: Omit<BenchReport, 'targets'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const add = (name: string, value: number, comparison: TargetCheck['comparison'], limit: number) =>
    checks.push({ name, value, comparison, limit, met: meets(value, comparison, limit) });

  for (const [key, figures] of Object.entries(report.operations.getAds ?? {})) {
    add(`getAds.${key}.throughputRatio`, figures.throughputRatio, '>=', 0.7);
    add(`getAds.${key}.cpuPerRequestRatio`, figures.cpuPerRequestRatio, '<=', 1.4);
    add(`getAds.${key}.p99Ratio`, figures.p99Ratio, '<=', 2);
  }
  add('handshake.rateRatio', report.handshake.rateRatio, '>=', 0.9);
  add('heap.growthPercent', report.heap.growthPercent, '<', 10);
  add('pki.medianSeconds', report.pki.medianSeconds, '<', 0.6);
  if (report.suite) add('suite.seconds', report.suite.seconds, '<', 20);
  return checks;
}

function meets(value: number, comparison: TargetCheck['comparison'], limit: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (comparison === '>=') return value >= limit;
  if (comparison === '<=') return value <= limit;
  return value < limit;
}

/** `{ "getAds.c16.throughputRatio": 0.82, ... }`: every ratio under one flat key each. */
export function flatRatios(report: Pick<BenchReport, 'operations' | 'handshake'>) {
  const flat: Record<string, number> = {};
  for (const [operation, byConnections] of Object.entries(report.operations)) {
    for (const [key, figures] of Object.entries(byConnections)) {
      flat[`${operation}.${key}.throughputRatio`] = figures.throughputRatio;
      flat[`${operation}.${key}.measuredThroughputRatio`] = figures.measuredThroughputRatio;
      flat[`${operation}.${key}.cpuPerRequestRatio`] = figures.cpuPerRequestRatio;
      flat[`${operation}.${key}.p50Ratio`] = figures.p50Ratio;
      flat[`${operation}.${key}.p99Ratio`] = figures.p99Ratio;
    }
  }
  flat['handshake.rateRatio'] = report.handshake.rateRatio;
  flat['handshake.cpuPerHandshakeRatio'] = report.handshake.cpuPerHandshakeRatio;
  return flat;
}

/**
 * The JSON written by `--json`: each operation at the top level (so `getAds.c16.throughputRatio`
 * is a path into it), then the other figures, a flat `ratios` map and the target checks.
 */
export function toJson(report: BenchReport): Record<string, unknown> {
  const { operations, targets, ...rest } = report;
  return { ...rest, ...operations, ratios: flatRatios(report), targets };
}
