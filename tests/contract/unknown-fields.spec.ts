import { expect, test } from '@playwright/test';

import { findUnknownFields } from '../../lib/contract/unknown-fields.js';

const GET_ADS_ANSWER = '#/components/schemas/GetAdsResponse';

test.describe('unknown field walk', () => {
  test('finds fields the contract does not declare, at any depth', () => {
    const answer = {
      requestId: 'r',
      surprise: true,
      ads: {
        a1: { adId: 'a1', reward: { rewardType: 'FIXED_AMOUNT_PURCHASE', bonus: 1 }, extra: 'x' },
      },
      rankings: { all: ['a1'] },
    };

    expect(findUnknownFields(GET_ADS_ANSWER, answer)).toEqual([
      'surprise',
      'ads.a1.reward.bonus',
      'ads.a1.extra',
    ]);
  });

  test('accepts map keys declared through additionalProperties', () => {
    const answer = {
      ads: { any: { adId: 'any' } },
      rankings: { all: [] },
      categories: { food: { id: 'food' } },
    };

    expect(findUnknownFields(GET_ADS_ANSWER, answer)).toEqual([]);
  });

  test('follows allOf compositions', () => {
    const profile = {
      sourceCustomerId: 'c',
      institutionId: 'i',
      portfolios: [{ sourcePortfolioId: 'p', nope: 1 }],
    };

    expect(findUnknownFields('#/components/schemas/CustomerProfileResponse', profile)).toEqual([
      'portfolios[0].nope',
    ]);
  });
});
