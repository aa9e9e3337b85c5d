import type { Schema } from '../../lib/contract/types.js';
import type {
  Ad,
  SeedAd,
  SeedCategory,
  SeedCustomer,
  SeedData,
  SeedRedemption,
} from './seed-types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Seeded customer ids the specs rely on. `KNOWN_GOOD` is the mock's "known good customer". */
export const SEEDED_CUSTOMERS = {
  KNOWN_GOOD: 'cust-0001',
  SECOND_GOOD: 'cust-0002',
  NOT_ENROLLED: 'cust-inactive',
  NO_ACCOUNTS: 'cust-no-accounts',
} as const;

export const SEEDED_INSTITUTION_ID = 'inst-5001';

/**
 * The default sandbox: four customers and twelve ads covering every reward type, several sections
 * and channels, assets, an expired ad, a future ad and an auto-activated one. Dates are relative to
 * `nowMs` so the seed never goes stale.
 */
export function buildDefaultSeed(nowMs: number): SeedData {
  const at = (days: number): string =>
    new Date(nowMs + days * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const ads: SeedAd[] = [
    ad(at, {
      id: '1000001',
      merchant: 'Example Coffee',
      reward: percent(5, 20, 10),
      sections: ['LatestOffers', 'Dashboard'],
      categoryId: 'food',
      curationIds: ['cur-morning'],
    }),
    ad(at, {
      id: '1000002',
      merchant: 'Northwind Grocers',
      reward: fixed(10, 50),
      sections: ['LatestOffers', 'FoodCategory'],
      categoryId: 'food',
    }),
    ad(at, {
      id: '1000003',
      merchant: 'Contoso Fuel',
      // Fuel stations appear on statements as "CONTOSO 0042 ...", without the word "Fuel".
      merchantMatchKey: 'contoso',
      reward: metered(0.1, 15, 20),
      sections: ['FeaturedOffers'],
      categoryId: 'services',
      purchaseTypes: ['Fuel'],
      channels: ['MobileApp', 'OLB', 'MobileWeb'],
    }),
    ad(at, {
      id: '1000004',
      merchant: 'Fabrikam Outfitters',
      reward: percent(10, 25, 40),
      sections: ['RetailCategory', 'LatestOffers'],
      categoryId: 'retail',
      withStores: true,
    }),
    ad(at, {
      id: '1000005',
      merchant: 'Tailspin Travel',
      reward: fixed(25, 200),
      sections: ['TravelCategory', 'FeaturedOffers'],
      categoryId: 'travel',
      curationIds: ['cur-holiday'],
    }),
    ad(at, {
      id: '1000006',
      merchant: 'Wide World Cinemas',
      reward: percent(15, 12, 0),
      sections: ['EntertainmentCategory'],
      categoryId: 'entertainment',
      autoActivated: true,
    }),
    ad(at, {
      id: '1000007',
      merchant: 'Litware Streaming',
      reward: fixed(3, 0),
      sections: ['EntertainmentCategory', 'Dashboard'],
      categoryId: 'entertainment',
      purchaseTypes: ['Subscription'],
    }),
    ad(at, {
      id: '1000008',
      merchant: 'Adventure Works Gym',
      reward: percent(20, 30, 25),
      sections: ['ServicesCategory'],
      categoryId: 'services',
      purchaseTypes: ['Membership'],
      multi: true,
    }),
    ad(at, {
      id: '1000009',
      merchant: 'Proseware Books',
      reward: metered(0.05, 10, 5),
      sections: ['RetailCategory', 'ExpiringSoon'],
      categoryId: 'retail',
      endInDays: 3,
    }),
    ad(at, {
      id: '1000010',
      merchant: 'Blue Yonder Airlines',
      reward: fixed(50, 300),
      sections: ['TravelCategory'],
      categoryId: 'travel',
      channels: ['Email'],
    }),
    ad(at, {
      id: '1000011',
      merchant: 'Alpine Ski House',
      reward: percent(8, 40, 50),
      sections: ['TravelCategory', 'ExpiringSoon'],
      categoryId: 'travel',
      startInDays: -90,
      endInDays: -10,
    }),
    ad(at, {
      id: '1000012',
      merchant: 'Coho Winery',
      reward: fixed(7, 35),
      sections: ['FoodCategory'],
      categoryId: 'food',
      startInDays: 10,
      endInDays: 70,
    }),
  ];
  return {
    institutionId: SEEDED_INSTITUTION_ID,
    customers: [
      customer(at, SEEDED_CUSTOMERS.KNOWN_GOOD, 'ACTIVE', true),
      customer(at, SEEDED_CUSTOMERS.SECOND_GOOD, 'ACTIVE', true),
      customer(at, SEEDED_CUSTOMERS.NOT_ENROLLED, 'INACTIVE', true),
      customer(at, SEEDED_CUSTOMERS.NO_ACCOUNTS, 'ACTIVE', false),
    ],
    portfolios: [
      {
        sourcePortfolioId: 'pf-rewards',
        institutionId: SEEDED_INSTITUTION_ID,
        portfolioName: 'Everyday Rewards',
        rewardCurrencyUnit: 'Cash',
        rewardToCurrencyConversionRate: '1.0',
      },
    ],
    categories: [
      category('food', 'Food & Drink'),
      category('retail', 'Shopping'),
      category('travel', 'Travel'),
      category('entertainment', 'Entertainment'),
      category('services', 'Services'),
    ],
    ads,
    // One settled and one pending redemption, so the profile reads have something to show.
    redemptions: [
      redemption(at, 'rdm-0001', '1000008', 6, 30, -40, -20),
      redemption(at, 'rdm-0002', '1000002', 10, 72.5, -3, null),
    ],
  };
}

interface AdShape {
  id: string;
  merchant: string;
  reward: Schema<'AdReward'>;
  sections: Schema<'Section'>[];
  categoryId: string;
  curationIds?: Schema<'Section'>[] | string[];
  channels?: Schema<'Channel'>[];
  purchaseTypes?: Schema<'PurchaseType'>[];
  autoActivated?: boolean;
  multi?: boolean;
  withStores?: boolean;
  merchantMatchKey?: string;
  startInDays?: number;
  endInDays?: number;
}

function ad(at: (days: number) => string, shape: AdShape): SeedAd {
  const reward: Schema<'AdReward'> = {
    ...shape.reward,
    isMultiRedemption: shape.multi ?? false,
    activationModel: shape.autoActivated ? 'AUTO_ACTIVATED' : 'ACTIVATABLE',
    ...(shape.purchaseTypes
      ? {
          purchaseRequirement: {
            ...shape.reward.purchaseRequirement,
            purchaseTypes: shape.purchaseTypes,
          },
        }
      : {}),
  };
  const slug = shape.merchant.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const value: Ad = {
    adId: shape.id,
    adType: 'CASH_BACK_OFFER',
    // Replaced per customer when served; the template value never leaves the mock.
    adServeToken: 'template',
    startDate: at(shape.startInDays ?? -30),
    endDate: at(shape.endInDays ?? 60),
    merchantName: shape.merchant,
    sections: shape.sections,
    reward,
    activationState: shape.autoActivated ? 'ACTIVATED' : 'NEW',
    visibilityState: 'VISIBLE',
    isAffiliateMarketing: false,
    assets: {
      logo: {
        type: 'IMAGE_URL',
        value: {
          large: {
            url: `https://assets.example.test/${slug}/logo-627.png`,
            width: 627,
            height: 627,
          },
          small: {
            url: `https://assets.example.test/${slug}/logo-128.png`,
            width: 128,
            height: 128,
          },
        },
      },
      largeRectangle: {
        type: 'IMAGE_URL',
        value: {
          large: {
            url: `https://assets.example.test/${slug}/rect-1198.png`,
            width: 1198,
            height: 627,
          },
        },
      },
      copy: {
        type: 'AD_COPY',
        value: {
          headline: headline(reward),
          shortPreMessage: `Earn cash back at ${shape.merchant}`,
          thankYouMessage: `Thanks for shopping at ${shape.merchant}`,
        },
      },
      callsToAction: {
        type: 'CALL_TO_ACTION_LINKS',
        value: { merchantSite: { type: 'WEB_LINK', value: `https://${slug}.example.test/` } },
      },
    },
  };
  return {
    ad: value,
    categoryId: shape.categoryId,
    ...(shape.curationIds ? { curationIds: shape.curationIds as string[] } : {}),
    ...(shape.channels ? { channels: shape.channels } : {}),
    ...(shape.merchantMatchKey ? { merchantMatchKey: shape.merchantMatchKey } : {}),
    ...(shape.withStores
      ? {
          storeLocations: [
            {
              storeName: `${shape.merchant} Downtown`,
              address: {
                addressLine1: '100 Congress Ave',
                city: 'Austin',
                state: 'TX',
                postalCode: '78701',
                country: 'US',
              },
              phoneNumber: '+1-512-555-0100',
              distance: 1.2,
              latitude: 30.2649,
              longitude: -97.7445,
            },
          ],
        }
      : {}),
  };
}

function headline(reward: Schema<'AdReward'>): string {
  if (reward.rewardType === 'FIXED_AMOUNT_PURCHASE') return `$${reward.rewardAmount} back`;
  if (reward.rewardType === 'METERED_AMOUNT_PURCHASE')
    return `${reward.rewardAmount} back per unit`;
  return `${reward.rewardAmount}% back`;
}

const percent = (amount: number, cap: number, minSpend: number): Schema<'AdReward'> => ({
  rewardType: 'PERCENT_AMOUNT_PURCHASE',
  rewardAmount: amount,
  maxRewardAmount: cap,
  purchaseRequirement: { minSpendAmount: minSpend, purchaseChannels: ['InStore', 'Online'] },
});

const fixed = (amount: number, minSpend: number): Schema<'AdReward'> => ({
  rewardType: 'FIXED_AMOUNT_PURCHASE',
  rewardAmount: amount,
  maxRewardAmount: amount,
  purchaseRequirement: { minSpendAmount: minSpend, purchaseChannels: ['InStore', 'Online', 'App'] },
});

const metered = (amount: number, cap: number, minSpend: number): Schema<'AdReward'> => ({
  rewardType: 'METERED_AMOUNT_PURCHASE',
  rewardAmount: amount,
  maxRewardAmount: cap,
  purchaseRequirement: { minSpendAmount: minSpend, purchaseChannels: ['PayAtPump', 'InStore'] },
});

function category(id: string, name: string): SeedCategory {
  return { id, name, subcategories: [] };
}

function customer(
  at: (days: number) => string,
  sourceCustomerId: string,
  enrollment: Schema<'EnrollmentOptInStatus'>,
  hasAccounts: boolean,
): SeedCustomer {
  const accountId = `acct-${sourceCustomerId}`;
  return {
    sourceCustomerId,
    organizationId: '50004',
    postalCode: '78701',
    country: 'US',
    customerCreationDate: at(-800),
    enrollmentStartDate: at(-400),
    enrollmentEndDate: null,
    enrollmentOptInStatus: enrollment,
    alertOptInStatus: ['ALL'],
    targetingIndicator: 'TARGET',
    accounts: hasAccounts
      ? [
          {
            sourceAccountId: accountId,
            sourceCustomerIds: [sourceCustomerId],
            primarySourceCustomerId: sourceCustomerId,
            status: 'OPEN',
            type: 'DDA',
            sourcePortfolioId: 'pf-rewards',
            accountOpenDate: at(-800),
            accountCloseDate: null,
            cards: [
              {
                sourceAccountId: accountId,
                sourceCustomerId,
                last4: '4242',
                iin: '400000',
                cardType: 'DEBIT',
                status: 'OPEN',
                networkIdentifier: 4,
                openDate: at(-800),
                closeDate: null,
              },
            ],
          },
        ]
      : [],
  };
}

function redemption(
  at: (days: number) => string,
  redemptionId: string,
  adId: string,
  amount: number,
  transactionAmount: number,
  redeemedInDays: number,
  settledInDays: number | null,
): SeedRedemption {
  return {
    redemptionId,
    adId,
    amount,
    redemptionDate: at(redeemedInDays),
    sourceCustomerId: SEEDED_CUSTOMERS.KNOWN_GOOD,
    sourceAccountId: `acct-${SEEDED_CUSTOMERS.KNOWN_GOOD}`,
    redeemingTransactionAmount: transactionAmount,
    transactionId: `txn-${redemptionId}`,
    rewardSettlementRunDate: settledInDays === null ? null : at(settledInDays),
  };
}
