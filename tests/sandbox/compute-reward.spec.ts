import { expect, test } from '@playwright/test';

import type { Schema } from '../../lib/contract/types.js';
import { computeReward, minorUnitsToAmount } from '../../mock-server/state/compute-reward.js';

type AdReward = Schema<'AdReward'>;

/** Contract cases as data: reward, amount spent, already rewarded on the ad, expected reward. */
const CASES: {
  name: string;
  reward: AdReward;
  amount: number;
  earlier: number;
  expected: number;
}[] = [
  {
    name: 'PERCENT is amount × rate / 100',
    reward: { rewardType: 'PERCENT_AMOUNT_PURCHASE', rewardAmount: 5, maxRewardAmount: 20 },
    amount: 25,
    earlier: 0,
    expected: 1.25,
  },
  {
    name: 'PERCENT is capped by maxRewardAmount',
    reward: { rewardType: 'PERCENT_AMOUNT_PURCHASE', rewardAmount: 10, maxRewardAmount: 20 },
    amount: 500,
    earlier: 0,
    expected: 20,
  },
  {
    name: 'the cap counts what the customer already earned on the ad',
    reward: { rewardType: 'PERCENT_AMOUNT_PURCHASE', rewardAmount: 20, maxRewardAmount: 30 },
    amount: 100,
    earlier: 26,
    expected: 4,
  },
  {
    name: 'nothing is left once the cap is reached',
    reward: { rewardType: 'FIXED_AMOUNT_PURCHASE', rewardAmount: 10, maxRewardAmount: 10 },
    amount: 80,
    earlier: 10,
    expected: 0,
  },
  {
    name: 'FIXED is the reward amount whatever the spend',
    reward: { rewardType: 'FIXED_AMOUNT_PURCHASE', rewardAmount: 10, maxRewardAmount: 10 },
    amount: 1234.56,
    earlier: 0,
    expected: 10,
  },
  {
    name: 'METERED pays per whole currency unit',
    reward: { rewardType: 'METERED_AMOUNT_PURCHASE', rewardAmount: 0.05, maxRewardAmount: 10 },
    amount: 41.99,
    earlier: 0,
    expected: 2.05,
  },
  {
    name: 'PERCENT rounds to cents',
    reward: { rewardType: 'PERCENT_AMOUNT_PURCHASE', rewardAmount: 15 },
    amount: 0.33,
    earlier: 0,
    expected: 0.05,
  },
];

test.describe('reward computation', () => {
  for (const { name, reward, amount, earlier, expected } of CASES) {
    test(name, () => {
      expect(computeReward(reward, amount, earlier)).toBe(expected);
    });
  }

  test('reads amounts as minor units with two decimals', () => {
    expect([
      minorUnitsToAmount('2500'),
      minorUnitsToAmount('7'),
      minorUnitsToAmount('-150'),
    ]).toEqual([25, 0.07, -1.5]);
  });
});
