import { expect, test } from '@playwright/test';

import {
  checkTargets,
  summariseHeap,
  summariseScenario,
  toJson,
} from '../../scripts/bench/report.js';
import { BELOW_TARGET, formatReport } from '../../scripts/bench/table.js';
import { buildReport } from './sample-report.js';

test.describe('bench report', () => {
  test('summarises a scenario as medians and paired mock/baseline ratios', () => {
    const figures = buildReport(25).operations.getAds!.c16!;

    expect(figures.baseline.requestsPerSecond).toBe(41_000);
    expect(figures.mock.cpuMicrosPerRequest).toBe(25);
    expect(figures.cpuPerRequestRatio).toBeCloseTo(1.25, 10);
    expect(figures.measuredThroughputRatio).toBeCloseTo(30_000 / 41_000, 10);
    expect(figures.rounds).toBe(3);
  });

  test('keeps every round of both sides, in the order they ran', () => {
    const run = (cpuMicrosPerRequest: number) => ({
      requestsPerSecond: 1,
      cpuMicrosPerRequest,
      latencyP50Ms: 1,
      latencyP99Ms: 1,
    });

    const figures = summariseScenario('getAds', 64, [run(30), run(20)], [run(45), run(25)]);

    expect(figures.cpuMicrosPerRequestByRound).toEqual({ baseline: [30, 20], mock: [45, 25] });
    expect(figures.cpuPerRequestRatio).toBeCloseTo((1.5 + 1.25) / 2, 10);
  });

  test('takes the server-bound rate from the CPU time per request', () => {
    const figures = buildReport(25).operations.getAds!.c16!;

    expect(figures.baseline.serverBoundRequestsPerSecond).toBe(50_000);
    expect(figures.mock.serverBoundRequestsPerSecond).toBe(40_000);
    expect(figures.throughputRatio).toBeCloseTo(0.8, 10);
  });

  test('puts the getAds throughput ratio at getAds.c16.throughputRatio and in a flat map', () => {
    const json = toJson(buildReport(25)) as {
      getAds: { c16: { throughputRatio: number } };
      ratios: Record<string, number>;
    };

    expect(json.getAds.c16.throughputRatio).toBeCloseTo(0.8, 10);
    expect(json.ratios['getAds.c16.throughputRatio']).toBe(json.getAds.c16.throughputRatio);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['mode', 'handshake', 'heap', 'pki', 'suite', 'targets']),
    );
    expect(json).not.toHaveProperty('operations');
  });

  test('marks a missed target in the printed report and passes a met one', () => {
    const slow = formatReport(buildReport(50));
    const fast = formatReport(buildReport(21));

    expect(slow).toContain(`${BELOW_TARGET}: getAds.c16.throughputRatio = 0.40 (target >= 0.7)`);
    expect(fast).not.toContain(BELOW_TARGET);
    expect(fast).toContain('ok           getAds.c16.throughputRatio');
  });

  test('counts a figure that could not be measured as a missed target', () => {
    const report = buildReport(25);
    const targets = checkTargets({ ...report, pki: { ...report.pki, medianSeconds: Number.NaN } });

    expect(targets.find((target) => target.name === 'pki.medianSeconds')?.met).toBe(false);
  });

  test('reports heap growth as a percentage of the heap before', () => {
    expect(summariseHeap(30, 100, 105).growthPercent).toBeCloseTo(5, 10);
  });
});
