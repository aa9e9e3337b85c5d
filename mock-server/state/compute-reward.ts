import type { Schema } from '../../lib/contract/types.js';

/**
 * Minor units per major unit. The contract's `MinorUnitAmount` says the mock reads every amount
 * with two decimal places, whatever the currency (the reference sheet gives no currency table).
 */
const MINOR_UNITS_PER_MAJOR = 100;

/** `"2500"` → 25. The contract's pattern has already checked the digits. */
export function minorUnitsToAmount(minorUnits: string): number {
  return Number(minorUnits) / MINOR_UNITS_PER_MAJOR;
}

/** Rounds a money amount to cents, so 0.1 + 0.2 reports as 0.3. */
export function roundToCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/**
 * The reward a purchase of `amount` earns on an ad, per the contract's createTransactions
 * description: a percentage, a fixed amount, or an amount per whole currency unit (METERED: the
 * real metering unit is not documented), capped so the customer's rewards on the ad, including
 * `alreadyRewarded`, stay within `maxRewardAmount`. Zero means the purchase earns nothing.
 */
export function computeReward(
  reward: Schema<'AdReward'>,
  amount: number,
  alreadyRewarded = 0,
): number {
  const rate = reward.rewardAmount ?? 0;
  let earned: number;
  switch (reward.rewardType) {
    case 'PERCENT_AMOUNT_PURCHASE':
      earned = (amount * rate) / 100;
      break;
    case 'FIXED_AMOUNT_PURCHASE':
      earned = rate;
      break;
    case 'METERED_AMOUNT_PURCHASE':
      earned = Math.floor(amount) * rate;
      break;
    default:
      // An ad without a reward type earns nothing: the contract leaves the field optional.
      earned = 0;
  }
  if (reward.maxRewardAmount !== undefined) {
    earned = Math.min(earned, reward.maxRewardAmount - alreadyRewarded);
  }
  return Math.max(0, roundToCents(earned));
}
