import { expect, test } from '@playwright/test';

import { summariseRewards } from '../../mock-server/state/reward-summary.js';

const NOW = new Date('2026-03-15T12:00:00Z');

function redemption(adId: string, date: string, amount: number, spend: number, settled: boolean) {
  return {
    adId,
    redemptionDate: date,
    amount,
    redeemingTransactionAmount: spend,
    rewardSettlementRunDate: settled ? date : null,
  };
}

test.describe('reward summary', () => {
  test('puts each redemption in the windows its date falls in', () => {
    const summary = summariseRewards(
      [
        redemption('a', '2026-03-02T00:00:00Z', 1, 10, true),
        redemption('b', '2026-02-10T00:00:00Z', 2, 20, true),
        redemption('a', '2025-12-31T23:00:00Z', 4, 40, true),
        redemption('c', '2025-01-05T00:00:00Z', 8, 80, false),
      ],
      NOW,
    );

    expect(summary.allTime).toEqual({
      redemptionCount: 4,
      redeemedOfferCount: 3,
      totalRedeemingTransactionAmount: 150,
      totalRewardAmount: 15,
    });
    expect(summary.currentMonth?.redemptionCount).toBe(1);
    expect(summary.previousMonth?.totalRewardAmount).toBe(2);
    expect(summary.yearToDate?.redemptionCount).toBe(2);
    expect(summary.previousCalendarYear?.redemptionCount).toBe(2);
    expect(summary.previousTwelveMonths?.redemptionCount).toBe(3);
    expect(summary.pending).toEqual({ redemptionCount: 1, totalRedeemingTransactionAmount: 80 });
  });

  test('rounds money to cents', () => {
    const summary = summariseRewards(
      [
        redemption('a', '2026-03-01T00:00:00Z', 0.1, 0.1, true),
        redemption('b', '2026-03-01T00:00:00Z', 0.2, 0.2, true),
      ],
      NOW,
    );

    expect(summary.allTime?.totalRewardAmount).toBe(0.3);
  });
});
