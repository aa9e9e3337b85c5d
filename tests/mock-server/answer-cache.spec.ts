import { expect, test } from '@playwright/test';

import { getContractValidators } from '../../lib/contract/validators.js';
import { ANSWER_SLOT, AnswerCache, canonicalJson } from '../../mock-server/answer-cache.js';
import { MockClock } from '../../mock-server/clock.js';
import { checkAnswer, serialise } from '../../mock-server/respond.js';
import { buildDefaultSeed, SEEDED_CUSTOMERS } from '../../mock-server/state/default-seed.js';
import { MockState } from '../../mock-server/state/mock-state.js';
import { nextAdsChangeMs, selectAds } from '../../mock-server/state/select-ads.js';

const validators = getContractValidators();

/** What the server does with a handler's answer: copy it, add the request id, check it. */
function serve(body: object, requestId: string): string {
  const answer = { status: 200, body: { ...body, requestId } as Record<string, unknown> };
  return serialise(checkAnswer(validators, 'getAds', answer).body);
}

test.describe('answer cache', () => {
  test('sends a cached answer as the same text JSON.stringify gives, for any request id', () => {
    const state = new MockState(buildDefaultSeed(Date.now()), new MockClock());
    const request = { channel: 'MobileApp', returnMetadata: true } as const;
    const first = selectAds(state, SEEDED_CUSTOMERS.KNOWN_GOOD, request);

    const firstText = serve(first, 'r-1');
    const secondText = serve(selectAds(state, SEEDED_CUSTOMERS.KNOWN_GOOD, request), 'r-"2"');

    expect(firstText).toBe(JSON.stringify({ ...first, requestId: 'r-1' }));
    expect(secondText).toBe(JSON.stringify({ ...first, requestId: 'r-"2"' }));
  });

  test('computes the answer anew after a state change', () => {
    const state = new MockState(buildDefaultSeed(Date.now()), new MockClock());
    const request = { channel: 'MobileApp' } as const;
    const before = selectAds(state, SEEDED_CUSTOMERS.KNOWN_GOOD, request);
    const firstAdId = before.rankings.all[0]!;

    state.adState(SEEDED_CUSTOMERS.KNOWN_GOOD, firstAdId).visibilityState = 'PARKED';
    state.touch();

    const after = selectAds(state, SEEDED_CUSTOMERS.KNOWN_GOOD, request);
    expect(after.rankings.all).not.toContain(firstAdId);
  });

  test('computes the answer anew once the clock passes the end of an ad', () => {
    const clock = new MockClock();
    const state = new MockState(buildDefaultSeed(clock.now()), clock);
    const request = { channel: 'MobileApp' } as const;
    const before = selectAds(state, SEEDED_CUSTOMERS.KNOWN_GOOD, request);

    clock.setTo(nextAdsChangeMs(state, clock.now()) + 1);

    const after = selectAds(state, SEEDED_CUSTOMERS.KNOWN_GOOD, request);
    expect(after.rankings.all).not.toEqual(before.rankings.all);
  });

  test('hands out copies, so adding the request id leaves the cached answer as it was', () => {
    const cache = new AnswerCache<Record<string, unknown>>();
    const stored = { ads: {} };
    cache.set('k', stored, 1, 0, 10)[ANSWER_SLOT]!.payloadWithoutRequestId = '{"ads":{}}';

    const hit = cache.get('k', 1, 5)!;
    hit.requestId = 'r-1';

    expect(stored).toEqual({ ads: {} });
    expect(cache.get('k', 2, 5)).toBeUndefined();
    expect(cache.get('k', 1, 10)).toBeUndefined();
  });

  test('keys requests that differ only in key order alike', () => {
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: 'x' })).toBe(
      canonicalJson({ a: 'x', b: [1, { c: 2, d: 1 }] }),
    );
  });
});
