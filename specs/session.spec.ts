import { SignJWT } from 'jose';

import { MOCK_ONLY, expect, test } from './fixtures.js';
import { SEEDED_CUSTOMERS } from '../mock-server/state/default-seed.js';
import {
  NOT_ENROLLED_MESSAGE,
  NO_ACCOUNTS_MESSAGE,
} from '../mock-server/handlers/start-session.js';

const ONE_HOUR_MS = 60 * 60 * 1000;

test.describe('sessions and tokens', () => {
  test('startSession with api:institution needs no sourceCustomerId', async ({ api }) => {
    const response = await api.call('startSession', { body: { scopes: ['api:institution'] } });

    expect(response.status).toBe(200);
    expect(response).toMatchContract();
  });

  test('startSession with api:customer and no sourceCustomerId is a 400 naming the field', async ({
    api,
  }) => {
    const response = await api.call('startSession', { body: { scopes: ['api:customer'] } });

    expect(response.status).toBe(400);
    expect(response).toMatchContract();
    expect(JSON.stringify(response.body)).toContain('sourceCustomerId');
  });

  test(
    'a customer token carries the requested scope and a one-hour lifetime',
    { tag: MOCK_ONLY },
    ({ customerToken }) => {
      const claims = JSON.parse(
        Buffer.from(customerToken.split('.')[1]!, 'base64url').toString(),
      ) as {
        scope: string;
        exp: number;
        iat: number;
        sourceCustomerId: string;
      };

      expect(claims.scope).toBe('api:customer');
      expect(claims.sourceCustomerId).toBe(SEEDED_CUSTOMERS.KNOWN_GOOD);
      expect((claims.exp - claims.iat) * 1000).toBe(ONE_HOUR_MS);
    },
  );

  test(
    'a customer who is not enrolled gets the documented 400',
    { tag: MOCK_ONLY },
    async ({ api }) => {
      const response = await api.call('startSession', {
        body: { sourceCustomerId: SEEDED_CUSTOMERS.NOT_ENROLLED, scopes: ['api:customer'] },
      });

      expect(response.status).toBe(400);
      expect(response).toMatchContract();
      expect(response.body).toMatchObject({ title: NOT_ENROLLED_MESSAGE });
    },
  );

  test(
    'a customer without accounts gets the documented 400',
    { tag: MOCK_ONLY },
    async ({ api }) => {
      const response = await api.call('startSession', {
        body: { sourceCustomerId: SEEDED_CUSTOMERS.NO_ACCOUNTS, scopes: ['api:customer'] },
      });

      expect(response.status).toBe(400);
      expect(response).toMatchContract();
      expect(response.body).toMatchObject({ title: NO_ACCOUNTS_MESSAGE });
    },
  );

  test('getAds without a session token is a 401', async ({ api }) => {
    const response = await api.call('getAds', { body: { channel: 'MobileApp' } });

    expect(response.status).toBe(401);
    expect(response).toMatchContract();
  });

  test('getAds with a garbage token is a 401', async ({ api }) => {
    const response = await api.call('getAds', {
      sessionToken: 'not-a-token',
      body: { channel: 'MobileApp' },
    });

    expect(response.status).toBe(401);
    expect(response).toMatchContract();
  });

  test('getAds with a token signed by someone else is a 401', async ({ api, target }) => {
    const forged = await new SignJWT({
      scope: 'api:customer',
      sourceCustomerId: target.knownGoodCustomerId,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('cdlx-mock')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a secret the server never saw, 32+ bytes'));

    const response = await api.call('getAds', {
      sessionToken: forged,
      body: { channel: 'MobileApp' },
    });

    expect(response.status).toBe(401);
    expect(response).toMatchContract();
  });

  test(
    'getAds with an expired token is a 401 that says so',
    { tag: MOCK_ONLY },
    async ({ api, mock, customerToken }) => {
      mock!.clock.advance(ONE_HOUR_MS + 1000);

      const response = await api.call('getAds', {
        sessionToken: customerToken,
        body: { channel: 'MobileApp' },
      });

      expect(response.status).toBe(401);
      expect(response).toMatchContract();
      expect(response.body).toMatchObject({
        type: 'SessionValidationException',
        title: expect.stringContaining('expired'),
      });
    },
  );

  test(
    'a token is still accepted just before its hour is up',
    { tag: MOCK_ONLY },
    async ({ api, mock, customerToken }) => {
      mock!.clock.advance(ONE_HOUR_MS - 60_000);

      const response = await api.call('getAds', {
        sessionToken: customerToken,
        body: { channel: 'MobileApp' },
      });

      expect(response.status).toBe(200);
    },
  );

  test('an institution token is refused by customer-scope operations with 401', async ({ api }) => {
    const institutionToken = await api.startInstitutionSession();

    const responses = await Promise.all([
      api.call('getAds', { sessionToken: institutionToken, body: { channel: 'MobileApp' } }),
      api.call('getCustomerProfile', { sessionToken: institutionToken }),
    ]);

    for (const response of responses) {
      expect(response.status).toBe(401);
      expect(response).toMatchContract();
    }
  });
});
