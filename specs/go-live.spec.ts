import { randomUUID } from 'node:crypto';

import { GO_LIVE, expect, test } from './fixtures.js';

/**
 * The go-live checklist of the reference sheet §1: healthcheck, then startSession, getAds and
 * clientEvent for a known good customer. Prod runs only these (the `@golive` tag).
 */
test.describe('go-live checklist', { tag: GO_LIVE }, () => {
  test('healthcheck answers 200 through mTLS', async ({ api }) => {
    const response = await api.call('healthcheck');

    expect(response.status).toBe(200);
    expect(response).toMatchContract();
  });

  test('startSession returns a session token for the known good customer', async ({
    api,
    target,
  }) => {
    const response = await api.call('startSession', {
      body: { sourceCustomerId: target.knownGoodCustomerId, scopes: ['api:customer'] },
    });

    expect(response.status).toBe(200);
    expect(response).toMatchContract();
    expect((response.body as { sessionToken: string }).sessionToken.length).toBeGreaterThan(20);
  });

  test('getAds returns ranked ads for the known good customer', async ({ api, customerToken }) => {
    const response = await api.call('getAds', {
      sessionToken: customerToken,
      body: { channel: 'MobileApp', returnMetadata: true },
    });

    expect(response.status).toBe(200);
    expect(response).toMatchContract();
    const body = response.body as { ads: Record<string, unknown>; rankings: { all: string[] } };
    expect(Object.keys(body.ads).sort()).toEqual([...body.rankings.all].sort());
  });

  test('clientEvent accepts a LogEnrollment event for the known good customer', async ({
    api,
    customerToken,
  }) => {
    const requestId = randomUUID();
    const response = await api.call('clientEvent', {
      sessionToken: customerToken,
      requestId,
      body: {
        clientEvents: [
          {
            clientEventId: randomUUID(),
            clientEventType: 'SessionAction',
            clientEvent: 'LogEnrollment',
            clientEventTimestamp: new Date().toISOString(),
          },
        ],
      },
    });

    expect(response.status).toBe(200);
    expect(response).toMatchContract();
    expect(response.body).toMatchObject({ requestId });
  });
});
