import { NOT_ENROLLED_MESSAGE } from '../../mock-server/handlers/start-session.js';
import { newCustomer, purchase } from './data-builders.js';
import { MOCK_ONLY, expect, test } from './sandbox-fixtures.js';

/** The reference sheet §3.5: at most 50 customers or transactions per request. */
const MAX_BATCH = 50;

test.describe('data APIs', { tag: MOCK_ONLY }, () => {
  test('a customer created through the data API starts a session and is served ads', async ({
    api,
    institutionToken,
  }) => {
    await api.call('createCustomers', {
      sessionToken: institutionToken,
      body: { customers: [newCustomer('cust-new-1')] },
    });

    const token = await api.startCustomerSession('cust-new-1');
    const ads = await api.getAds(token, { channel: 'MobileApp' });
    const profile = await api.call('getCustomerProfile', { sessionToken: token });

    expect(ads.rankings.all.length).toBeGreaterThan(0);
    expect(profile).toMatchContract();
    expect(profile.body).toMatchObject({ sourceCustomerId: 'cust-new-1', postalCode: '10001' });
  });

  test('an inactive customer created through the data API gets the documented 400', async ({
    api,
    institutionToken,
  }) => {
    await api.call('createCustomers', {
      sessionToken: institutionToken,
      body: { customers: [newCustomer('cust-new-2', { enrollmentOptInStatus: 'INACTIVE' })] },
    });

    const response = await api.call('startSession', {
      body: { sourceCustomerId: 'cust-new-2', scopes: ['api:customer'] },
    });

    expect(response.status).toBe(400);
    expect(response).toMatchContract();
    expect(response.body).toMatchObject({ title: NOT_ENROLLED_MESSAGE });
  });

  test('updateCustomers replaces the record: an opted-out customer can no longer start a session', async ({
    api,
    institutionToken,
    target,
  }) => {
    const response = await api.call('updateCustomers', {
      sessionToken: institutionToken,
      body: {
        customers: [newCustomer(target.knownGoodCustomerId, { enrollmentOptInStatus: 'INACTIVE' })],
      },
    });
    expect(response.status).toBe(200);
    expect(response).toMatchContract();

    const session = await api.call('startSession', {
      body: { sourceCustomerId: target.knownGoodCustomerId, scopes: ['api:customer'] },
    });
    expect(session.body).toMatchObject({ title: NOT_ENROLLED_MESSAGE });
  });

  test('creating an existing customer or updating a missing one is a 400 that changes nothing', async ({
    api,
    institutionToken,
    target,
  }) => {
    const create = await api.call('createCustomers', {
      sessionToken: institutionToken,
      body: { customers: [newCustomer('cust-new-3'), newCustomer(target.knownGoodCustomerId)] },
    });
    const update = await api.call('updateCustomers', {
      sessionToken: institutionToken,
      body: { customers: [newCustomer('cust-nobody')] },
    });

    expect(create.status).toBe(400);
    expect(create).toMatchContract();
    expect(create.body).toMatchObject({
      validationErrors: [
        expect.stringMatching(/^customers\[1\]\.sourceCustomerId: .*already exists/),
      ],
    });
    expect(update.status).toBe(400);
    expect(update.body).toMatchObject({
      validationErrors: [expect.stringMatching(/^customers\[0\]\.sourceCustomerId: no customer/)],
    });
    // The whole request was refused: its first, valid customer was not created either.
    const session = await api.call('startSession', {
      body: { sourceCustomerId: 'cust-new-3', scopes: ['api:customer'] },
    });
    expect(session.status).toBe(400);
  });

  test('more than 50 customers or transactions in one request is a 400 naming the field', async ({
    api,
    institutionToken,
    target,
  }) => {
    const customers = Array.from({ length: MAX_BATCH + 1 }, (_, i) => newCustomer(`cust-b${i}`));
    const transactions = Array.from({ length: MAX_BATCH + 1 }, () =>
      purchase(target.knownGoodCustomerId, 'EXAMPLE COFFEE', '100'),
    );

    const responses = [
      await api.call('createCustomers', { sessionToken: institutionToken, body: { customers } }),
      await api.call('createTransactions', {
        sessionToken: institutionToken,
        body: { transactions },
      }),
    ];

    for (const [response, field] of [
      [responses[0]!, 'customers'],
      [responses[1]!, 'transactions'],
    ] as const) {
      expect(response.status).toBe(400);
      expect(response).toMatchContract();
      expect(JSON.stringify(response.body)).toContain(`${field}: must NOT have more than 50 items`);
    }
  });

  test('a transaction for an account the customer does not have refuses the whole request', async ({
    api,
    institutionToken,
    target,
  }) => {
    const response = await api.call('createTransactions', {
      sessionToken: institutionToken,
      body: {
        transactions: [
          purchase(target.knownGoodCustomerId, 'EXAMPLE COFFEE', '2500'),
          purchase(target.knownGoodCustomerId, 'EXAMPLE COFFEE', '2500', {
            sourceAccountId: 'acct-of-someone-else',
          }),
        ],
      },
    });

    expect(response.status).toBe(400);
    expect(response).toMatchContract();
    expect(response.body).toMatchObject({
      validationErrors: [expect.stringMatching(/^transactions\[1\]\.sourceAccountId: /)],
    });
  });

  test('a customer token is refused by the data APIs with 401, and an institution token by customer reads', async ({
    api,
    customerToken,
    institutionToken,
    target,
  }) => {
    const responses = await Promise.all([
      api.call('createCustomers', {
        sessionToken: customerToken,
        body: { customers: [newCustomer('cust-new-4')] },
      }),
      api.call('updateCustomers', {
        sessionToken: customerToken,
        body: { customers: [newCustomer(target.knownGoodCustomerId)] },
      }),
      api.call('createTransactions', {
        sessionToken: customerToken,
        body: { transactions: [purchase(target.knownGoodCustomerId, 'EXAMPLE COFFEE', '100')] },
      }),
      api.call('getCustomerRewardSummary', { sessionToken: institutionToken }),
      api.call('getCustomerAdRedemptions', { sessionToken: institutionToken }),
    ]);

    for (const response of responses) {
      expect(response.status, response.operationId).toBe(401);
      expect(response).toMatchContract();
      expect(response.body).toMatchObject({ type: 'SessionValidationException' });
    }
  });
});
