import { MOCK_ONLY, expect, test } from './fixtures.js';

test.describe('customer profile reads', () => {
  test('getCustomerProfile returns the customer of the session', async ({
    api,
    customerToken,
    target,
  }) => {
    const response = await api.call('getCustomerProfile', { sessionToken: customerToken });

    expect(response.status).toBe(200);
    expect(response).toMatchContract();
    expect(response.body).toMatchObject({ sourceCustomerId: target.knownGoodCustomerId });
  });

  test('getCustomerRewardSummary returns every window', async ({ api, customerToken }) => {
    const response = await api.call('getCustomerRewardSummary', { sessionToken: customerToken });

    expect(response.status).toBe(200);
    expect(response).toMatchContract();
    const summary = (response.body as { rewardsSummary: Record<string, unknown> }).rewardsSummary;
    expect(Object.keys(summary).sort()).toEqual(
      [
        'allTime',
        'currentMonth',
        'pending',
        'previousCalendarYear',
        'previousMonth',
        'previousTwelveMonths',
        'yearToDate',
      ].sort(),
    );
  });

  test('getCustomerAdRedemptions returns redemptions with the ads they belong to', async ({
    api,
    customerToken,
  }) => {
    const response = await api.call('getCustomerAdRedemptions', { sessionToken: customerToken });

    expect(response.status).toBe(200);
    expect(response).toMatchContract();
    const body = response.body as { redemptions: { adId: string }[]; ads: Record<string, unknown> };
    for (const redemption of body.redemptions) expect(body.ads[redemption.adId]).toBeDefined();
  });

  test(
    'the profile lists the portfolios of the customer accounts',
    { tag: MOCK_ONLY },
    async ({ api, customerToken }) => {
      const response = await api.call('getCustomerProfile', { sessionToken: customerToken });

      expect(response.body).toMatchObject({
        institutionId: 'inst-5001',
        portfolios: [{ sourcePortfolioId: 'pf-rewards', rewardCurrencyUnit: 'Cash' }],
      });
    },
  );

  test(
    'the reward summary adds up the seeded redemptions',
    { tag: MOCK_ONLY },
    async ({ api, customerToken }) => {
      const response = await api.call('getCustomerRewardSummary', { sessionToken: customerToken });

      expect(response.body).toMatchObject({
        rewardsSummary: {
          allTime: {
            redemptionCount: 2,
            redeemedOfferCount: 2,
            totalRedeemingTransactionAmount: 102.5,
            totalRewardAmount: 16,
          },
          pending: { redemptionCount: 1, totalRedeemingTransactionAmount: 72.5 },
        },
      });
    },
  );

  test(
    'the seeded redemptions come back with their ads',
    { tag: MOCK_ONLY },
    async ({ api, customerToken }) => {
      const response = await api.call('getCustomerAdRedemptions', { sessionToken: customerToken });

      const body = response.body as {
        redemptions: { redemptionId: string }[];
        ads: Record<string, unknown>;
      };
      expect(body.redemptions.map((r) => r.redemptionId).sort()).toEqual(['rdm-0001', 'rdm-0002']);
      expect(Object.keys(body.ads).sort()).toEqual(['1000002', '1000008']);
    },
  );
});
