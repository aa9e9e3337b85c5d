import type { RequestBody, Schema, SuccessBody } from '../../lib/contract/types.js';
import { AnswerCache, canonicalJson } from '../answer-cache.js';
import type { MockState } from './mock-state.js';

type GetAdsRequest = RequestBody<'getAds'>;
type GetAdsAnswer = Omit<SuccessBody<'getAds'>, 'requestId'>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The reference sheet: omitted `activationStates` means NEW, SERVED and ACTIVATED. */
const DEFAULT_ACTIVATION_STATES: readonly Schema<'AdActivationState'>[] = [
  'NEW',
  'SERVED',
  'ACTIVATED',
];
/** The reference sheet: omitted `visibilityStates` means VISIBLE only. */
const DEFAULT_VISIBILITY_STATES: readonly Schema<'AdVisibilityState'>[] = ['VISIBLE'];
/** How far back `includeExpiredAds` reaches (the reference sheet's 120-day look-back). */
const EXPIRED_LOOKBACK_MS = 120 * DAY_MS;

/** One cache per mock instance; it goes when the state does. */
const answerCaches = new WeakMap<MockState, AnswerCache<GetAdsAnswer>>();

/**
 * Applies getAds' filters to the catalogue for one customer, in ranking order, and builds the
 * answer: the ads map, rankings consistent with it, categories and store locations.
 *
 * The answer depends only on the customer, the request, the state and the clock, so it is kept
 * until the state changes (every change bumps `state.version`) or the clock reaches the next
 * moment at which an ad starts, ends or leaves the expired-ads look-back. Publishers' load tests
 * send the same few requests over and over; each is then computed, checked and serialised once.
 */
export function selectAds(
  state: MockState,
  sourceCustomerId: string,
  request: GetAdsRequest,
): GetAdsAnswer {
  const nowMs = state.clock.now();
  let cache = answerCaches.get(state);
  if (!cache) {
    cache = new AnswerCache();
    answerCaches.set(state, cache);
  }
  const key = requestKey(request);
  const cached = cache.get(sourceCustomerId, key, state.version, nowMs);
  if (cached) return cached;

  const answer = computeAnswer(state, sourceCustomerId, request, nowMs);
  const validUntilMs = nextAdsChangeMs(state, nowMs);
  return cache.set(sourceCustomerId, key, answer, state.version, nowMs, validUntilMs);
}

/** Canonical texts of request bodies the server remembers (valid-bodies.ts), which are frozen. */
const keysOfFrozenRequests = new WeakMap<GetAdsRequest, string>();

/**
 * The request's part of the cache key. The server hands the same frozen value to every request
 * with the same bytes, so its canonical text is worked out once; any other value every time.
 */
function requestKey(request: GetAdsRequest): string {
  if (!Object.isFrozen(request)) return canonicalJson(request);
  let key = keysOfFrozenRequests.get(request);
  if (key === undefined) {
    key = canonicalJson(request);
    keysOfFrozenRequests.set(request, key);
  }
  return key;
}

/**
 * The first moment after `nowMs` at which a date filter of `computeAnswer` can flip for some ad:
 * its start, the millisecond after its end, or the millisecond after its end plus the look-back.
 */
export function nextAdsChangeMs(state: MockState, nowMs: number): number {
  let next = Number.POSITIVE_INFINITY;
  for (const { ad } of state.ads) {
    const startMs = Date.parse(ad.startDate ?? '');
    const endMs = Date.parse(ad.endDate ?? '');
    for (const momentMs of [startMs, endMs + 1, endMs + EXPIRED_LOOKBACK_MS + 1]) {
      if (momentMs > nowMs && momentMs < next) next = momentMs;
    }
  }
  return next;
}

function computeAnswer(
  state: MockState,
  sourceCustomerId: string,
  request: GetAdsRequest,
  nowMs: number,
): GetAdsAnswer {
  const activationStates = request.activationStates ?? DEFAULT_ACTIVATION_STATES;
  const visibilityStates = request.visibilityStates ?? DEFAULT_VISIBILITY_STATES;

  const selected: string[] = [];
  for (const seedAd of state.ads) {
    const { ad } = seedAd;
    const startMs = Date.parse(ad.startDate ?? '');
    const endMs = Date.parse(ad.endDate ?? '');
    if (startMs > nowMs) continue;
    if (endMs < nowMs && (!request.includeExpiredAds || endMs < nowMs - EXPIRED_LOOKBACK_MS))
      continue;
    if (seedAd.channels && !seedAd.channels.includes(request.channel)) continue;
    if (request.sections && !ad.sections?.some((s) => request.sections!.includes(s))) continue;
    if (request.categoryIds && !request.categoryIds.includes(seedAd.categoryId ?? '')) continue;
    if (request.curationIds && !seedAd.curationIds?.some((c) => request.curationIds!.includes(c))) {
      continue;
    }
    const adState = state.adState(sourceCustomerId, ad.adId);
    if (!activationStates.includes(adState.activationState)) continue;
    if (!visibilityStates.includes(adState.visibilityState)) continue;
    if (request.redemptionStates) {
      const redemptionState = state.redemptionStateOf(sourceCustomerId, ad.adId);
      if (!redemptionState || !request.redemptionStates.includes(redemptionState)) continue;
    }
    selected.push(ad.adId);
    if (request.maxAdLimit !== undefined && selected.length >= request.maxAdLimit) break;
  }
  return buildAnswer(state, sourceCustomerId, selected, request);
}

function buildAnswer(
  state: MockState,
  sourceCustomerId: string,
  adIds: readonly string[],
  request: GetAdsRequest,
): GetAdsAnswer {
  const ads: Record<string, Schema<'Ad'>> = {};
  const categories: Record<string, Schema<'CategoryGroup'>> = {};
  const storeLocations: Record<string, Schema<'StoreLocation'>[]> = {};
  for (const adId of adIds) {
    ads[adId] = state.adFor(sourceCustomerId, adId, request.returnMetadata === true);
    const seedAd = state.adsById.get(adId)!;
    const category = seedAd.categoryId ? state.categories.get(seedAd.categoryId) : undefined;
    if (category) categories[category.id!] = category;
    if (request.returnStoreLocation && seedAd.storeLocations) {
      storeLocations[adId] = seedAd.storeLocations;
    }
  }
  return {
    ads,
    rankings: { all: [...adIds] },
    categories,
    ...(request.returnStoreLocation ? { storeLocations } : {}),
  };
}
