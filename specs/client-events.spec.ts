import type { CdlxClient } from '../lib/client/cdlx-client.js';
import type { Schema } from '../lib/contract/types.js';
import { MOCK_ONLY, expect, test } from './fixtures.js';
import { adEvent, sessionEvent } from './support/client-events.js';

type Ad = Schema<'Ad'>;

/** The events the reference sheet marks as the ones a publisher must implement. */
const REQUIRED_EVENTS = [
  { clientEvent: 'DisplayElementExpanded', clientEventType: 'AdInteraction' },
  { clientEvent: 'UrlLinkClicked', clientEventType: 'AdInteraction' },
  { clientEvent: 'ActivateOffer', clientEventType: 'AdInteraction' },
  { clientEvent: 'AdViewableImpression', clientEventType: 'AdImpression' },
] as const;

test.describe('client events', () => {
  for (const { clientEvent, clientEventType } of REQUIRED_EVENTS) {
    test(`accepts a ${clientEvent} event for a served ad`, async ({ api, customerToken }) => {
      const ad = await firstAd(api, customerToken);

      const response = await api.call('clientEvent', {
        sessionToken: customerToken,
        body: { clientEvents: [adEvent(ad, clientEvent, clientEventType)] },
      });

      expect(response.status).toBe(200);
      expect(response).toMatchContract();
    });
  }

  test('accepts a LogEnrollment session event without metadata', async ({ api, customerToken }) => {
    const response = await api.call('clientEvent', {
      sessionToken: customerToken,
      body: { clientEvents: [sessionEvent('LogEnrollment')] },
    });

    expect(response.status).toBe(200);
    expect(response).toMatchContract();
  });

  test(
    'AdViewableImpression moves a NEW ad to SERVED',
    { tag: MOCK_ONLY },
    async ({ api, customerToken }) => {
      const ad = await adInState(api, customerToken, 'NEW');

      await sendEvents(api, customerToken, [adEvent(ad, 'AdViewableImpression', 'AdImpression')]);

      expect((await adById(api, customerToken, ad.adId)).activationState).toBe('SERVED');
    },
  );

  test(
    'ActivateOffer makes the ad ACTIVATED with an activation date',
    { tag: MOCK_ONLY },
    async ({ api, customerToken }) => {
      const ad = await adInState(api, customerToken, 'NEW');

      await sendEvents(api, customerToken, [adEvent(ad, 'ActivateOffer', 'AdInteraction')]);

      const after = await adById(api, customerToken, ad.adId);
      expect(after.activationState).toBe('ACTIVATED');
      expect(Date.parse(after.activationDate ?? '')).toBeGreaterThan(0);
    },
  );

  test(
    'ParkOffer then UnParkOffer moves the ad to PARKED and back to VISIBLE',
    { tag: MOCK_ONLY },
    async ({ api, customerToken }) => {
      const ad = await firstAd(api, customerToken);

      await sendEvents(api, customerToken, [adEvent(ad, 'ParkOffer', 'AdInteraction')]);
      expect((await adById(api, customerToken, ad.adId)).visibilityState).toBe('PARKED');

      await sendEvents(api, customerToken, [adEvent(ad, 'UnParkOffer', 'AdInteraction')]);
      expect((await adById(api, customerToken, ad.adId)).visibilityState).toBe('VISIBLE');
    },
  );

  test(
    'UnParkAllOffers makes every parked ad VISIBLE again',
    { tag: MOCK_ONLY },
    async ({ api, customerToken }) => {
      const ads = await api.getAds(customerToken, { channel: 'MobileApp', maxAdLimit: 3 });
      const parkEvents = Object.values(ads.ads).map((ad) =>
        adEvent(ad, 'ParkOffer', 'AdInteraction'),
      );
      await sendEvents(api, customerToken, parkEvents);
      const parked = await api.getAds(customerToken, {
        channel: 'MobileApp',
        visibilityStates: ['PARKED'],
      });
      expect(parked.rankings.all).toHaveLength(3);

      await sendEvents(api, customerToken, [sessionEvent('UnParkAllOffers')]);

      const stillParked = await api.getAds(customerToken, {
        channel: 'MobileApp',
        visibilityStates: ['PARKED'],
      });
      expect(stillParked.rankings.all).toEqual([]);
    },
  );

  test(
    'state is per customer: another customer still sees the ad as NEW',
    { tag: MOCK_ONLY },
    async ({ api, customerToken }) => {
      const ad = await adInState(api, customerToken, 'NEW');
      await sendEvents(api, customerToken, [adEvent(ad, 'ActivateOffer', 'AdInteraction')]);

      const otherToken = await api.startCustomerSession('cust-0002');

      expect((await adById(api, otherToken, ad.adId)).activationState).toBe('NEW');
    },
  );

  test(
    'an event whose type does not match its name is a 400 and changes nothing',
    { tag: MOCK_ONLY },
    async ({ api, customerToken }) => {
      const ad = await adInState(api, customerToken, 'NEW');

      const response = await api.call('clientEvent', {
        sessionToken: customerToken,
        body: { clientEvents: [adEvent(ad, 'ActivateOffer', 'AdImpression')] },
      });

      expect(response.status).toBe(400);
      expect(response).toMatchContract();
      expect(JSON.stringify(response.body)).toContain('clientEvents[0].clientEventType');
      expect((await adById(api, customerToken, ad.adId)).activationState).toBe('NEW');
    },
  );

  test(
    'an ad event without metadata is a 400 naming the field',
    { tag: MOCK_ONLY },
    async ({ api, customerToken }) => {
      const ad = await firstAd(api, customerToken);
      const { clientEventMetadata: _dropped, ...withoutMetadata } = adEvent(
        ad,
        'UrlLinkClicked',
        'AdInteraction',
      );

      const response = await api.call('clientEvent', {
        sessionToken: customerToken,
        body: { clientEvents: [withoutMetadata] },
      });

      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain('clientEvents[0].clientEventMetadata');
    },
  );

  test(
    'a serve token that was never served is a 400',
    { tag: MOCK_ONLY },
    async ({ api, customerToken }) => {
      const ad = await firstAd(api, customerToken);

      const response = await api.call('clientEvent', {
        sessionToken: customerToken,
        body: {
          clientEvents: [
            adEvent({ ...ad, adServeToken: 'srv-made-up' }, 'ActivateOffer', 'AdInteraction'),
          ],
        },
      });

      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain('serveToken');
    },
  );
});

async function firstAd(api: CdlxClient, token: string): Promise<Ad> {
  const ads = await api.getAds(token, { channel: 'MobileApp', maxAdLimit: 1 });
  const first = ads.ads[ads.rankings.all[0] ?? ''];
  if (!first) throw new Error('getAds returned no ad for the known good customer');
  return first;
}

async function adInState(
  api: CdlxClient,
  token: string,
  state: Schema<'AdActivationState'>,
): Promise<Ad> {
  const ads = await api.getAds(token, {
    channel: 'MobileApp',
    activationStates: [state],
    maxAdLimit: 1,
  });
  const first = ads.ads[ads.rankings.all[0] ?? ''];
  if (!first) throw new Error(`no ad in state ${state}`);
  return first;
}

async function adById(api: CdlxClient, token: string, adId: string): Promise<Ad> {
  const ads = await api.getAds(token, {
    channel: 'MobileApp',
    activationStates: ['NEW', 'SERVED', 'ACTIVATED'],
    visibilityStates: ['VISIBLE', 'PARKED'],
  });
  const ad = ads.ads[adId];
  if (!ad) throw new Error(`ad ${adId} is not in getAds any more`);
  return ad;
}

async function sendEvents(
  api: CdlxClient,
  token: string,
  clientEvents: ReturnType<typeof adEvent>[],
): Promise<void> {
  const response = await api.call('clientEvent', { sessionToken: token, body: { clientEvents } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}
