import { expect, test } from '@playwright/test';

import type { Problem } from '../../mock-server/problems.js';
import { FaultRules } from '../../mock-server/faults/fault-rules.js';

const OPERATIONS = ['healthcheck', 'getAds', 'clientEvent'];

function refusal(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    return (error as Problem).validationErrors;
  }
  throw new Error('expected the rule to be refused');
}

test.describe('fault rules', () => {
  test('decide answers undefined when no rule is set', () => {
    expect(new FaultRules(OPERATIONS).decide('getAds')).toBeUndefined();
  });

  test('a rule with times fires that many times on its operation only, then retires', () => {
    const rules = new FaultRules(OPERATIONS);
    rules.add({ kind: 'status', status: 503, operationId: 'getAds', times: 2 });

    const outcomes = ['healthcheck', 'getAds', 'getAds', 'getAds'].map(
      (operationId) => rules.decide(operationId)?.outcome,
    );

    expect(outcomes).toEqual([
      undefined,
      { kind: 'status', status: 503, retryAfterSeconds: 1 },
      { kind: 'status', status: 503, retryAfterSeconds: 1 },
      undefined,
    ]);
    expect(rules.size).toBe(0);
  });

  test('latencies add up and the first outcome rule that fires wins; later ones keep their turns', () => {
    const rules = new FaultRules(OPERATIONS);
    rules.add({ kind: 'latency', delayMs: 10 });
    rules.add({ kind: 'latency', delayMs: 20, operationId: 'getAds' });
    rules.add({ kind: 'reset', times: 1 });
    rules.add({ kind: 'cut-body', times: 1 });

    const first = rules.decide('getAds');
    const second = rules.decide('getAds');

    expect(first).toEqual({
      delayMs: 30,
      outcome: { kind: 'reset', processFirst: false },
      kind: 'reset',
    });
    expect(second).toEqual({ delayMs: 30, outcome: { kind: 'cut-body' }, kind: 'cut-body' });
  });

  test('a probability with the same seed fires on the same draws', () => {
    const pattern = (): boolean[] => {
      const rules = new FaultRules(OPERATIONS);
      rules.add({ kind: 'status', status: 500, probability: 0.3, seed: 7 });
      return Array.from({ length: 50 }, () => rules.decide('healthcheck') !== undefined);
    };

    const first = pattern();

    expect(pattern()).toEqual(first);
    const fired = first.filter(Boolean).length;
    expect(fired).toBeGreaterThan(5);
    expect(fired).toBeLessThan(30);
  });

  test('stall-handshake rules act on connections, not on requests', () => {
    const rules = new FaultRules(OPERATIONS);
    rules.add({ kind: 'stall-handshake', stallMs: 50, times: 1 });

    expect(rules.decide('healthcheck')).toBeUndefined();
    expect(rules.decideStall()).toBe(50);
    expect(rules.decideStall()).toBeUndefined();
  });

  test('refuses an unknown operation, a setting the kind does not use, and a stall on one operation', () => {
    const rules = new FaultRules(OPERATIONS);

    expect(refusal(() => rules.add({ kind: 'latency', operationId: 'getAdz' }))).toEqual([
      'operationId: "getAdz" is not an operation of the contract; use one of healthcheck, getAds, clientEvent or *',
    ]);
    expect(refusal(() => rules.add({ kind: 'reset', delayMs: 5 }))).toEqual([
      'delayMs: is not used by reset faults',
    ]);
    expect(refusal(() => rules.add({ kind: 'stall-handshake', operationId: 'getAds' }))[0]).toMatch(
      /^operationId: stall-handshake acts on new connections/,
    );
    expect(refusal(() => rules.add({ kind: 'status', status: 500, retryAfterSeconds: 3 }))).toEqual(
      ['retryAfterSeconds: only 429 and 503 answers carry Retry-After'],
    );
  });

  test('clearing runs the clear listeners (held connections are released)', () => {
    const rules = new FaultRules(OPERATIONS);
    let released = 0;
    rules.onClear(() => released++);
    rules.add({ kind: 'latency' });

    rules.clear();

    expect(rules.list()).toEqual([]);
    expect(released).toBe(1);
  });
});
