import { MOCK_ONLY, expect, test } from './fixtures.js';
import { adEvent } from './support/client-events.js';

test.describe('getAds filters', () => {
  test('rankings list exactly the ads returned, in order', async ({ api, customerToken }) => {
    const response = await api.call('getAds', {
      sessionToken: customerToken,
      body: { channel: 'MobileApp' },
    });

    expect(response).toMatchContract();
    const body = response.body as { ads: Record<string, unknown>; rankings: { all: string[] } };
    expect(new Set(body.rankings.all).size).toBe(body.rankings.all.length);
    expect(Object.keys(body.ads).sort()).toEqual([...body.rankings.all].sort());
  });

  test('maxAdLimit caps the number of ads', async ({ api, customerToken }) => {
    const body = await api.getAds(customerToken, { channel: 'MobileApp', maxAdLimit: 2 });

    expect(body.rankings.all.length).toBeLessThanOrEqual(2);
    expect(Object.keys(body.ads).length).toBe(body.rankings.all.length);
  });

  test('returnMetadata adds assets; without it there are none', async ({ api, customerToken }) => {
    const withAssets = await api.getAds(customerToken, {
      channel: 'MobileApp',
      returnMetadata: true,
    });
    const without = await api.getAds(customerToken, { channel: 'MobileApp' });

    expect(Object.values(without.ads).every((ad) => ad.assets === undefined)).toBe(true);
    expect(Object.values(withAssets.ads).some((ad) => ad.assets?.logo !== undefined)).toBe(true);
  });

  test('sections keeps only ads placed in one of them', async ({ api, customerToken }) => {
    const body = await api.getAds(customerToken, {
      channel: 'MobileApp',
      sections: ['TravelCategory'],
    });

    for (const ad of Object.values(body.ads)) expect(ad.sections).toContain('TravelCategory');
  });

  test(
    'sections narrows the seeded catalogue',
    { tag: MOCK_ONLY },
    async ({ api, customerToken }) => {
      const all = await api.getAds(customerToken, { channel: 'MobileApp' });
      const travel = await api.getAds(customerToken, {
        channel: 'MobileApp',
        sections: ['TravelCategory'],
      });

      expect(travel.rankings.all).toEqual(['1000005']);
      expect(all.rankings.all.length).toBeGreaterThan(travel.rankings.all.length);
    },
  );

  test('activationStates keeps only ads in those states', async ({ api, customerToken }) => {
    const body = await api.getAds(customerToken, {
      channel: 'MobileApp',
      activationStates: ['ACTIVATED'],
    });

    for (const ad of Object.values(body.ads)) expect(ad.activationState).toBe('ACTIVATED');
  });

  test(
    'the default activation states are NEW, SERVED and ACTIVATED',
    { tag: MOCK_ONLY },
    async ({ api, customerToken }) => {
      const body = await api.getAds(customerToken, { channel: 'MobileApp' });

      const states = new Set(Object.values(body.ads).map((ad) => ad.activationState));
      expect([...states].sort()).toEqual(['ACTIVATED', 'NEW']);
    },
  );

  test(
    'visibilityStates defaults to VISIBLE and PARKED must be asked for',
    { tag: MOCK_ONLY },
    async ({ api, customerToken }) => {
      const before = await api.getAds(customerToken, { channel: 'MobileApp' });
      const ad = before.ads[before.rankings.all[0]!]!;
      await api.call('clientEvent', {
        sessionToken: customerToken,
        body: { clientEvents: [adEvent(ad, 'ParkOffer', 'AdInteraction')] },
      });

      const visibleOnly = await api.getAds(customerToken, { channel: 'MobileApp' });
      const parkedOnly = await api.getAds(customerToken, {
        channel: 'MobileApp',
        visibilityStates: ['PARKED'],
      });

      expect(visibleOnly.ads[ad.adId]).toBeUndefined();
      expect(parkedOnly.rankings.all).toEqual([ad.adId]);
    },
  );

  test(
    'redemptionStates keeps only redeemed ads',
    { tag: MOCK_ONLY },
    async ({ api, customerToken }) => {
      const body = await api.getAds(customerToken, {
        channel: 'MobileApp',
        redemptionStates: ['PROCESSING', 'FULLY_REDEEMED'],
      });

      expect(body.rankings.all.sort()).toEqual(['1000002', '1000008']);
      expect(body.ads['1000002']!.redemptionState).toBe('PROCESSING');
      expect(body.ads['1000008']!.redemptionState).toBe('FULLY_REDEEMED');
    },
  );

  test(
    'categoryIds keeps only ads of those categories and reports the categories',
    { tag: MOCK_ONLY },
    async ({ api, customerToken }) => {
      const body = await api.getAds(customerToken, {
        channel: 'MobileApp',
        categoryIds: ['retail'],
      });

      expect(body.rankings.all.sort()).toEqual(['1000004', '1000009']);
      expect(Object.keys(body.categories ?? {})).toEqual(['retail']);
    },
  );

  test(
    'channel leaves out ads not served on it',
    { tag: MOCK_ONLY },
    async ({ api, customerToken }) => {
      const app = await api.getAds(customerToken, { channel: 'MobileApp' });
      const email = await api.getAds(customerToken, { channel: 'Email' });

      expect(app.ads['1000010']).toBeUndefined();
      expect(email.ads['1000010']).toBeDefined();
    },
  );

  test(
    'includeExpiredAds adds ads that ended recently',
    { tag: MOCK_ONLY },
    async ({ api, customerToken }) => {
      const current = await api.getAds(customerToken, { channel: 'MobileApp' });
      const withExpired = await api.getAds(customerToken, {
        channel: 'MobileApp',
        includeExpiredAds: true,
      });

      expect(current.ads['1000011']).toBeUndefined();
      expect(withExpired.ads['1000011']).toBeDefined();
    },
  );

  test(
    'returnStoreLocation adds store locations for ads that have them',
    { tag: MOCK_ONLY },
    async ({ api, customerToken }) => {
      const body = await api.getAds(customerToken, {
        channel: 'MobileApp',
        returnStoreLocation: true,
      });

      expect(body.storeLocations?.['1000004']?.[0]?.storeName).toBe('Fabrikam Outfitters Downtown');
    },
  );
});
