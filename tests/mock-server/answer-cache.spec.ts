import { expect, test } from '@playwright/test';

import { getContractValidators } from '../../lib/contract/validators.js';
import { AnswerCache, MAX_CACHED_ANSWERS, canonicalJson } from '../../mock-server/answer-cache.js';
import { MockClock } from '../../mock-server/clock.js';
import { checkAnswer, encodeBody } from '../../mock-server/respond.js';
import { buildDefaultSeed, SEEDED_CUSTOMERS } from '../../mock-server/state/default-seed.js';
import { MockState } from '../../mock-server/state/mock-state.js';
import { nextAdsChangeMs, selectAds } from '../../mock-server/state/select-ads.js';

const validators = getContractValidators();

/** What the server does with a handler's answer: copy it, add the request id, check it. */
function serve(body: object, requestId: string): string {
  const answer = { status: 200, body: { ...body, requestId } as Record<string, unknown> };
  return encodeBody(checkAnswer(validators, 'getAds', answer).body).toString();
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

  test('forgets an answer when the state version changes or the clock leaves its window', () => {
    const cache = new AnswerCache<Record<string, unknown>>();
    cache.set('customer', 'k', { ads: {} }, 1, 0, 10);

    expect(cache.get('customer', 'k', 1, 5)).toMatchObject({ ads: {} });
    expect(cache.get('customer', 'k', 2, 5)).toBeUndefined();
    expect(cache.get('customer', 'k', 1, 10)).toBeUndefined();
    expect(cache.get('customer', 'k', 1, -1)).toBeUndefined();
  });

  test('keeps at most MAX_CACHED_ANSWERS answers over all customers, dropping the oldest', () => {
    const cache = new AnswerCache<Record<string, unknown>>();
    for (let index = 0; index <= MAX_CACHED_ANSWERS; index++) {
      cache.set(`customer-${index % 3}`, `k${index}`, { n: index }, 1, 0, 10);
    }

    expect(cache.size).toBe(MAX_CACHED_ANSWERS);
    expect(cache.get('customer-0', 'k0', 1, 1)).toBeUndefined();
    expect(cache.get('customer-1', 'k1', 1, 1)).toMatchObject({ n: 1 });
    expect(cache.get('customer-0', `k${MAX_CACHED_ANSWERS}`, 1, 1)).toBeUndefined();
    expect(cache.get('customer-1', `k${MAX_CACHED_ANSWERS}`, 1, 1)).toMatchObject({
      n: MAX_CACHED_ANSWERS,
    });
  });

  test('sends an answer with no field but the request id as valid JSON', () => {
    const cache = new AnswerCache<Record<string, unknown>>();
    const body = { ...cache.set('customer', 'k', {}, 1, 0, 10), requestId: 'r-1' };

    const text = encodeBody(checkAnswer(validators, 'clientEvent', { status: 200, body }).body);
    const again = encodeBody({ ...cache.get('customer', 'k', 1, 1)!, requestId: 'r-2' });

    expect(String(text)).toBe('{"requestId":"r-1"}');
    expect(String(again)).toBe('{"requestId":"r-2"}');
  });

  test('keys requests that differ only in key order alike', () => {
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: 'x' })).toBe(
      canonicalJson({ a: 'x', b: [1, { c: 2, d: 1 }] }),
    );
  });
});
