import type { CdlxClient } from '../../lib/client/cdlx-client.js';
import type { Schema, SuccessBody } from '../../lib/contract/types.js';
import { adEvent } from '../support/client-events.js';
import { newCustomer, purchase } from './data-builders.js';
import { MOCK_ONLY, expect, test } from './sandbox-fixtures.js';

type RewardSummary = Schema<'RewardSummary'>;
type Redemptions = SuccessBody<'getCustomerAdRedemptions'>;

/** The seed's "Example Coffee" ad: 5% back, capped at 20, from a spend of 10. */
const COFFEE_AD_ID = '1000001';
const COFFEE_DESCRIPTOR = 'EXAMPLE COFFEE #42 AUSTIN TX';

/** Windows a redemption dated now falls into, and those it cannot. */
const WINDOWS_WITH_NOW = ['allTime', 'yearToDate', 'previousTwelveMonths', 'currentMonth'] as const;
const WINDOWS_BEFORE_NOW = ['previousMonth', 'previousCalendarYear'] as const;

test.describe('redemptions from the data API', { tag: MOCK_ONLY }, () => {
  test('a matching transaction on an activated ad redeems it, and every view shows it', async ({
    api,
    institutionToken,
  }) => {
    // A new customer, created the way a publisher's back end does it.
    const created = await api.call('createCustomers', {
      sessionToken: institutionToken,
      body: { customers: [newCustomer('cust-sandbox-1')] },
    });
    expect(created.status).toBe(200);
    expect(created).toMatchContract();

    // The customer's app starts a session and activates the coffee ad.
    const customerToken = await api.startCustomerSession('cust-sandbox-1');
    const coffee = (await api.getAds(customerToken, { channel: 'MobileApp' })).ads[COFFEE_AD_ID]!;
    await sendEvents(api, customerToken, [adEvent(coffee, 'ActivateOffer', 'AdInteraction')]);
    const summaryBefore = await rewardSummary(api, customerToken);

    // The bank reports the purchase: 25.00 at the coffee shop.
    const transaction = purchase('cust-sandbox-1', COFFEE_DESCRIPTOR, '2500');
    const reported = await api.call('createTransactions', {
      sessionToken: institutionToken,
      body: { transactions: [transaction] },
    });
    expect(reported.status).toBe(200);
    expect(reported).toMatchContract();

    // 5% of 25.00, pending settlement.
    const redemptions = await api.call('getCustomerAdRedemptions', { sessionToken: customerToken });
    expect(redemptions).toMatchContract();
    const body = redemptions.body as Redemptions;
    expect(body.redemptions).toEqual([
      expect.objectContaining({
        adId: COFFEE_AD_ID,
        amount: 1.25,
        redeemingTransactionAmount: 25,
        transactionId: transaction.transactionId,
        sourceCustomerId: 'cust-sandbox-1',
        sourceAccountId: transaction.sourceAccountId,
        rewardSettlementRunDate: null,
      }),
    ]);
    expect(body.ads?.[COFFEE_AD_ID]?.redemptionState).toBe('PROCESSING');

    const summaryAfter = await rewardSummary(api, customerToken);
    for (const window of WINDOWS_WITH_NOW) {
      expect(summaryBefore[window], window).toMatchObject({ redemptionCount: 0 });
      expect(summaryAfter[window], window).toEqual({
        redemptionCount: 1,
        redeemedOfferCount: 1,
        totalRedeemingTransactionAmount: 25,
        totalRewardAmount: 1.25,
      });
    }
    expect(summaryAfter.pending).toEqual({
      redemptionCount: 1,
      totalRedeemingTransactionAmount: 25,
    });
    for (const window of WINDOWS_BEFORE_NOW) {
      expect(summaryAfter[window], window).toEqual(summaryBefore[window]);
    }

    const adsAfter = await api.getAds(customerToken, {
      channel: 'MobileApp',
      redemptionStates: ['PROCESSING'],
    });
    expect(adsAfter.rankings.all).toEqual([COFFEE_AD_ID]);
  });

  test('a transaction on an ad the customer did not activate redeems nothing', async ({
    api,
    institutionToken,
    customerToken,
    target,
  }) => {
    const response = await api.call('createTransactions', {
      sessionToken: institutionToken,
      body: { transactions: [purchase(target.knownGoodCustomerId, COFFEE_DESCRIPTOR, '2500')] },
    });

    expect(response.status).toBe(200);
    expect(await redemptionIds(api, customerToken)).toEqual(['rdm-0001', 'rdm-0002']);
  });

  test('a purchase below the minimum spend or at another merchant redeems nothing', async ({
    api,
    institutionToken,
    customerToken,
    target,
  }) => {
    const coffee = (await api.getAds(customerToken, { channel: 'MobileApp' })).ads[COFFEE_AD_ID]!;
    await sendEvents(api, customerToken, [adEvent(coffee, 'ActivateOffer', 'AdInteraction')]);
    const customerId = target.knownGoodCustomerId;

    await api.call('createTransactions', {
      sessionToken: institutionToken,
      body: {
        transactions: [
          purchase(customerId, COFFEE_DESCRIPTOR, '999'),
          purchase(customerId, 'ANOTHER CAFE AUSTIN TX', '5000'),
        ],
      },
    });

    expect(await redemptionIds(api, customerToken)).toEqual(['rdm-0001', 'rdm-0002']);
  });

  test('a retried transaction id redeems once, and the reward stays within the cap', async ({
    api,
    institutionToken,
    customerToken,
    target,
  }) => {
    // 1000008: 20% back, capped at 30, from a spend of 25, multi-redemption.
    const gym = (await api.getAds(customerToken, { channel: 'MobileApp' })).ads['1000008']!;
    await sendEvents(api, customerToken, [adEvent(gym, 'ActivateOffer', 'AdInteraction')]);
    const first = purchase(target.knownGoodCustomerId, 'ADVENTURE WORKS GYM', '10000');
    const second = purchase(target.knownGoodCustomerId, 'ADVENTURE WORKS GYM', '10000');

    for (const batch of [[first], [first], [second]]) {
      const response = await api.call('createTransactions', {
        sessionToken: institutionToken,
        body: { transactions: batch },
      });
      expect(response.status).toBe(200);
    }

    const body = (await api.call('getCustomerAdRedemptions', { sessionToken: customerToken }))
      .body as Redemptions;
    const rewardOf = (transactionId: string): (number | undefined)[] =>
      body.redemptions!.filter((r) => r.transactionId === transactionId).map((r) => r.amount);
    // The seed already holds a 6.00 redemption on this ad: 20.00, then the 4.00 left of the 30 cap.
    expect(rewardOf(first.transactionId)).toEqual([20]);
    expect(rewardOf(second.transactionId)).toEqual([4]);
  });
});

async function sendEvents(
  api: CdlxClient,
  sessionToken: string,
  clientEvents: ReturnType<typeof adEvent>[],
): Promise<void> {
  const response = await api.call('clientEvent', { sessionToken, body: { clientEvents } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

async function rewardSummary(api: CdlxClient, sessionToken: string): Promise<RewardSummary> {
  const response = await api.call('getCustomerRewardSummary', { sessionToken });
  expect(response).toMatchContract();
  return (response.body as SuccessBody<'getCustomerRewardSummary'>).rewardsSummary!;
}

async function redemptionIds(api: CdlxClient, sessionToken: string): Promise<string[]> {
  const response = await api.call('getCustomerAdRedemptions', { sessionToken });
  return ((response.body as Redemptions).redemptions ?? []).map((r) => r.redemptionId!).sort();
}
