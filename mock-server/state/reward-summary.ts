import type { Schema } from '../../lib/contract/types.js';

type Redemption = Schema<'Redemption'>;
type Totals = Schema<'RewardSummaryTotals'>;

/**
 * Computes the reward-summary windows from redemptions. Mock choices (the reference sheet gives
 * the windows but not their rules): `pending` counts redemptions without a settlement date; the
 * dated windows count every redemption by its `redemptionDate`, in UTC calendar terms.
 */
export function summariseRewards(
  redemptions: readonly Redemption[],
  now: Date,
): Schema<'RewardSummary'> {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const startOfMonth = Date.UTC(year, month, 1);
  const startOfPreviousMonth = Date.UTC(year, month - 1, 1);
  const startOfYear = Date.UTC(year, 0, 1);
  const startOfPreviousYear = Date.UTC(year - 1, 0, 1);
  const twelveMonthsAgo = Date.UTC(year - 1, month, now.getUTCDate());
  const dated = redemptions.map((r) => ({ r, ms: Date.parse(r.redemptionDate ?? '') }));
  const within = (fromMs: number, toMs: number): Redemption[] =>
    dated.filter(({ ms }) => ms >= fromMs && ms < toMs).map(({ r }) => r);
  const nowMs = now.getTime();

  const pending = redemptions.filter((r) => !r.rewardSettlementRunDate);
  return {
    allTime: totals(redemptions),
    pending: {
      redemptionCount: pending.length,
      totalRedeemingTransactionAmount: sum(pending.map((r) => r.redeemingTransactionAmount)),
    },
    yearToDate: totals(within(startOfYear, nowMs + 1)),
    previousCalendarYear: totals(within(startOfPreviousYear, startOfYear)),
    previousMonth: totals(within(startOfPreviousMonth, startOfMonth)),
    previousTwelveMonths: totals(within(twelveMonthsAgo, nowMs + 1)),
    currentMonth: totals(within(startOfMonth, nowMs + 1)),
  };
}

function totals(redemptions: readonly Redemption[]): Totals {
  return {
    redemptionCount: redemptions.length,
    redeemedOfferCount: new Set(redemptions.map((r) => r.adId)).size,
    totalRedeemingTransactionAmount: sum(redemptions.map((r) => r.redeemingTransactionAmount)),
    totalRewardAmount: sum(redemptions.map((r) => r.amount)),
  };
}

/** Sums money amounts and rounds to cents, so 0.1 + 0.2 reports as 0.3. */
function sum(values: readonly (number | undefined)[]): number {
  return Math.round(values.reduce<number>((total, v) => total + (v ?? 0), 0) * 100) / 100;
}
