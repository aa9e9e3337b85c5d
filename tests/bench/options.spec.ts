import { expect, test } from '@playwright/test';

import { UsageError } from '../../lib/errors.js';
import { FULL_PLAN, QUICK_PLAN, parseBenchArgs } from '../../scripts/bench/options.js';
import { buildScenarios } from '../../scripts/bench/scenarios.js';

test.describe('bench options', () => {
  test('runs the full plan with the suite by default', () => {
    const options = parseBenchArgs([]);

    expect(options.plan).toBe(FULL_PLAN);
    expect(options.runSuite).toBe(true);
    expect(options.jsonPath).toBeUndefined();
  });

  test('reads --quick, --json FILE and --no-suite', () => {
    const options = parseBenchArgs(['--quick', '--json', 'out.json', '--no-suite']);

    expect(options.plan).toBe(QUICK_PLAN);
    expect(options.jsonPath).toBe('out.json');
    expect(options.runSuite).toBe(false);
  });

  test('refuses an unknown flag as a usage error that shows the usage', () => {
    const attempt = (): unknown => parseBenchArgs(['--fast']);

    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(/--fast/);
  });

  test('keeps the quick plan within a minute of load, warm-up and soak', () => {
    const plan = QUICK_PLAN;
    const scenarios = buildScenarios('token');
    const operations = scenarios.length;
    const loadRuns =
      2 *
      scenarios.reduce(
        (runs, scenario) =>
          runs +
          scenario.connections.length *
            (scenario.name === 'getAds' ? plan.getAdsRounds : plan.otherRounds),
        0,
      );
    const warmupRuns = 2 + 2 * operations;
    const handshakeRuns = 2 * plan.handshakeRounds;
    // Connecting, the load generator's start and the messages around a run: 0.05 to 0.1 s each.
    const perRunOverhead = 0.15;
    const seconds =
      2 * plan.warmupSeconds +
      2 * operations * plan.operationWarmupSeconds +
      loadRuns * plan.runSeconds +
      handshakeRuns * plan.handshakeSeconds +
      plan.soakSeconds +
      (warmupRuns + loadRuns + handshakeRuns + 1) * perRunOverhead;

    // The rest of the minute: starting the servers, the local PKI and the mock suite.
    expect(seconds).toBeLessThan(40);
  });
});
