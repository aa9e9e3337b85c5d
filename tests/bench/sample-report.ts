import {
  checkTargets,
  summariseHandshakes,
  summariseHeap,
  summariseScenario,
  type BenchReport,
  type RunSample,
} from '../../scripts/bench/report.js';

const sample = (requestsPerSecond: number, cpuMicrosPerRequest: number): RunSample => ({
  requestsPerSecond,
  cpuMicrosPerRequest,
  latencyP50Ms: 0.5,
  latencyP99Ms: 2,
});

/**
 * A report with three getAds rounds: the baseline costs 20 µs per request, the mock
 * `mockCpuMicros` (and the load generator measured 40,000 and 30,000 requests/s).
 */
export function buildReport(mockCpuMicros: number): BenchReport {
  const getAds = summariseScenario(
    'getAds',
    16,
    [sample(40_000, 20), sample(42_000, 20), sample(41_000, 20)],
    [sample(30_000, mockCpuMicros), sample(30_000, mockCpuMicros), sample(30_000, mockCpuMicros)],
  );
  const partial = {
    mode: 'quick' as const,
    date: '2025-01-01T00:00:00.000Z',
    machine: { node: '20.20.2', cpus: 2, pinned: true, loadAverage: { start: 0.5, end: 1 } },
    answerBytes: { getAds: 12_081 },
    operations: { getAds: { c16: getAds } },
    handshake: summariseHandshakes(
      [{ perSecond: 600, cpuMicrosPerHandshake: 1500 }],
      [{ perSecond: 590, cpuMicrosPerHandshake: 1520 }],
    ),
    heap: summariseHeap(30, 20 * 1024 * 1024, 21 * 1024 * 1024),
    pki: { runs: 3, medianSeconds: 0.4, samplesSeconds: [0.5, 0.4, 0.3] },
    suite: null,
  };
  return { ...partial, targets: checkTargets(partial) };
}
