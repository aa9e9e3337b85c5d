import { MockAdminClient, MockAdminError } from '../../lib/admin-client/mock-admin-client.js';
import { CdlxClient } from '../../lib/client/cdlx-client.js';
import { ADMIN_COMMON_NAME, CLIENT_COMMON_NAME } from '../../mock-server/client-identity.js';
import { buildDefaultSeed } from '../../mock-server/state/default-seed.js';
import type { SeedData } from '../../mock-server/state/seed-types.js';
import { newCustomer, purchase } from './data-builders.js';
import { MOCK_ONLY, expect, test } from './sandbox-fixtures.js';

const ONE_HOUR_MS = 60 * 60 * 1000;

test.describe('mock admin API', { tag: MOCK_ONLY }, () => {
  test('an invalid seed is a 400 naming the field, and the sandbox stays as it was', async ({
    admin,
    api,
    institutionToken,
  }) => {
    await api.call('createCustomers', {
      sessionToken: institutionToken,
      body: { customers: [newCustomer('cust-before-seed')] },
    });
    const before = await admin.status();
    const seed = buildDefaultSeed(Date.now());
    (seed.ads[2]!.ad.reward as { rewardType: string }).rewardType = 'CASHBACK_BONUS';

    const error = await admin.loadSeed(seed).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );

    expect(error).toBeInstanceOf(MockAdminError);
    expect((error as MockAdminError).status).toBe(400);
    expect((error as MockAdminError).validationErrors).toEqual([
      'ads[2].ad.reward.rewardType: must be one of PERCENT_AMOUNT_PURCHASE, FIXED_AMOUNT_PURCHASE, METERED_AMOUNT_PURCHASE',
    ]);
    expect(await admin.status()).toEqual({ ...before, clock: expect.anything() as unknown });
    await expect(api.startCustomerSession('cust-before-seed')).resolves.toEqual(expect.any(String));
  });

  test('a seed with undeclared fields or dangling ids is refused with one line per problem', async ({
    admin,
  }) => {
    const seed = buildDefaultSeed(Date.now());
    (seed.ads[0]!.ad as Record<string, unknown>).merchantNmae = 'typo';
    seed.ads[1]!.categoryId = 'no-such-category';
    seed.redemptions![0]!.adId = 'no-such-ad';
    seed.customers.push(structuredClone(seed.customers[0]!));

    const error = (await admin.loadSeed(seed).catch((thrown: unknown) => thrown)) as MockAdminError;

    expect(error.validationErrors.sort()).toEqual(
      [
        'ads[0].ad.merchantNmae: is not declared in the contract',
        'ads[1].categoryId: no category "no-such-category" in categories',
        'customers[4].sourceCustomerId: "cust-0001" is also customers[0]',
        'redemptions[0].adId: no ad "no-such-ad" in ads',
      ].sort(),
    );
  });

  test('a loaded seed replaces the data; FIXED and METERED ads reward as the contract says', async ({
    admin,
    api,
    institutionToken,
  }) => {
    await admin.loadSeed(tinySeed());
    const token = await api.startCustomerSession('cust-tiny');
    const ads = await api.getAds(token, { channel: 'MobileApp' });
    expect(ads.rankings.all).toEqual(['ad-fixed', 'ad-metered']);

    await api.call('createTransactions', {
      sessionToken: institutionToken,
      body: {
        transactions: [
          purchase('cust-tiny', 'NORTHWIND MARKET 12', '4000'),
          purchase('cust-tiny', 'CONTOSO 0042 AUSTIN', '3050'),
        ],
      },
    });

    const redemptions = await api.call('getCustomerAdRedemptions', { sessionToken: token });
    expect(redemptions).toMatchContract();
    expect(redemptions.body).toMatchObject({
      redemptions: [
        { adId: 'ad-fixed', amount: 5, redeemingTransactionAmount: 40 },
        // 0.10 per whole unit of 30.50: 30 units, capped at 2.50.
        { adId: 'ad-metered', amount: 2.5, redeemingTransactionAmount: 30.5 },
      ],
    });
  });

  test('reset puts back the starting seed, real time, no faults and an empty journal', async ({
    admin,
    api,
    institutionToken,
  }) => {
    await api.call('createCustomers', {
      sessionToken: institutionToken,
      body: { customers: [newCustomer('cust-before-reset')] },
    });
    const tokenOfGoneCustomer = await api.startCustomerSession('cust-before-reset');
    await admin.addFault({ kind: 'latency', delayMs: 1 });
    await admin.advanceClock(ONE_HOUR_MS / 2);

    const status = await admin.reset();

    expect(status).toMatchObject({ customers: 4, faults: 0, journal: { entries: 0 } });
    expect(status.clock.offsetMs).toBe(0);
    const session = await api.call('startSession', {
      body: { sourceCustomerId: 'cust-before-reset', scopes: ['api:customer'] },
    });
    expect(session.status).toBe(400);
    // The token is still well signed and in date, but its customer is gone.
    const profile = await api.call('getCustomerProfile', { sessionToken: tokenOfGoneCustomer });
    expect(profile.status).toBe(401);
    expect(profile).toMatchContract();
    expect(profile.body).toMatchObject({ title: expect.stringContaining('no longer exists') });
  });

  test('moving the clock expires a session token without waiting', async ({
    admin,
    api,
    customerToken,
  }) => {
    const moved = await admin.advanceClock(ONE_HOUR_MS + 1000);

    const response = await api.call('getAds', {
      sessionToken: customerToken,
      body: { channel: 'MobileApp' },
    });

    expect(moved.offsetMs).toBe(ONE_HOUR_MS + 1000);
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ title: expect.stringContaining('expired') });
  });

  test('the clock can jump to a moment and come back to real time', async ({ admin }) => {
    const target = new Date(Date.now() + 90 * 24 * ONE_HOUR_MS);

    const jumped = await admin.setClock(target);
    const back = await admin.resetClock();

    expect(Math.abs(Date.parse(jumped.now) - target.getTime())).toBeLessThan(60_000);
    expect(back.offsetMs).toBe(0);
  });

  test("the API refuses the admin identity and the admin API refuses the client's", async ({
    mock,
    playwright,
    target,
  }) => {
    const { paths } = mock!.pki;
    const asAdmin = await playwright.request.newContext({
      baseURL: target.baseURL,
      clientCertificates: [{ origin: new URL(target.baseURL).origin, ...paths.admin }],
    });
    const clientOnAdmin = await MockAdminClient.connect({
      url: mock!.admin!.url,
      identity: paths.client,
      caPaths: [paths.ca.certPath],
    });
    try {
      const response = await new CdlxClient(asAdmin).call('healthcheck');
      const error = (await clientOnAdmin.status().catch((e: unknown) => e)) as MockAdminError;

      expect(response.status).toBe(403);
      expect(response).toMatchContract();
      expect(response.body).toMatchObject({ type: 'Forbidden' });
      expect(error.status).toBe(403);
      expect(error.validationErrors).toEqual([
        `client certificate: CN=${CLIENT_COMMON_NAME} is not CN=${ADMIN_COMMON_NAME}`,
      ]);
    } finally {
      await asAdmin.dispose();
      await clientOnAdmin.close();
    }
  });

  test('the journal records each request with its outcome and never a session token', async ({
    admin,
    api,
    customerToken,
  }) => {
    await admin.clearJournal();

    await api.call('getAds', { sessionToken: customerToken, body: { channel: 'MobileApp' } });
    await api.call('getAds', {
      sessionToken: customerToken,
      requestId: 'req-bad-channel',
      rawBody: JSON.stringify({ channel: 'Pigeon' }),
    });
    const journal = await admin.journal();

    expect(journal.entries).toEqual([
      expect.objectContaining({ operationId: 'getAds', status: 200, path: '/v2/ads/getAds' }),
      expect.objectContaining({
        operationId: 'getAds',
        status: 400,
        requestId: 'req-bad-channel',
        clientSubject: `O=cdlx-contract, CN=${CLIENT_COMMON_NAME}`,
        validationErrors: [expect.stringContaining('channel: must be one of')],
      }),
    ]);
    expect(JSON.stringify(journal)).not.toContain(customerToken);
  });
});

/** One customer, one FIXED and one METERED ad, both auto-activated. */
function tinySeed(): SeedData {
  const base = buildDefaultSeed(Date.now());
  const template = base.ads[0]!.ad;
  const customer = { ...base.customers[0]!, sourceCustomerId: 'cust-tiny' };
  customer.accounts = [{ ...customer.accounts![0]!, sourceAccountId: 'acct-cust-tiny', cards: [] }];
  const autoActivated = { activationState: 'ACTIVATED', isAffiliateMarketing: false } as const;
  return {
    institutionId: 'inst-tiny',
    customers: [customer],
    ads: [
      {
        ad: {
          ...template,
          ...autoActivated,
          adId: 'ad-fixed',
          merchantName: 'Northwind',
          reward: {
            rewardType: 'FIXED_AMOUNT_PURCHASE',
            rewardAmount: 5,
            maxRewardAmount: 5,
            activationModel: 'AUTO_ACTIVATED',
            purchaseRequirement: { minSpendAmount: 20 },
          },
        },
      },
      {
        ad: {
          ...template,
          ...autoActivated,
          adId: 'ad-metered',
          merchantName: 'Contoso Fuel',
          reward: {
            rewardType: 'METERED_AMOUNT_PURCHASE',
            rewardAmount: 0.1,
            maxRewardAmount: 2.5,
            activationModel: 'AUTO_ACTIVATED',
          },
        },
        merchantMatchKey: 'CONTOSO',
      },
    ],
  };
}
