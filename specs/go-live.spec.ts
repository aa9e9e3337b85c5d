import { randomUUID } from 'node:crypto';

import { ANNOTATIONS } from '../lib/reporting/switch-on-summary.js';
import { GO_LIVE, expect, test } from './fixtures.js';

/**
 * A fresh X-CDLX-Request-Id for one checklist request, recorded as an annotation: the switch-on
 * summary lists it, so Cardlytics support can find the request in their logs.
 */
function checklistRequestId(operation: string): string {
  const requestId = randomUUID();
  test.info().annotations.push({
    type: ANNOTATIONS.requestId,
    description: `${operation} ${requestId}`,
  });
  return requestId;
}

/**
 * The go-live checklist of the reference sheet §1: healthcheck, then startSession, getAds and
 * clientEvent for a known good customer. Prod runs only these (the `@golive` tag).
 */
test.describe('go-live checklist', { tag: GO_LIVE }, () => {
  test('healthcheck answers 200 through mTLS', async ({ api }) => {
    const response = await api.call('healthcheck', {
      requestId: checklistRequestId('healthcheck'),
    });

    expect(response.status).toBe(200);
    expect(response).toMatchContract();
  });

  test('startSession returns a session token for the known good customer', async ({
    api,
    target,
  }) => {
    const response = await api.call('startSession', {
      requestId: checklistRequestId('startSession'),
      body: { sourceCustomerId: target.knownGoodCustomerId, scopes: ['api:customer'] },
    });

    expect(response.status).toBe(200);
    expect(response).toMatchContract();
    expect((response.body as { sessionToken: string }).sessionToken.length).toBeGreaterThan(20);
  });

  test('getAds returns ranked ads for the known good customer', async ({ api, customerToken }) => {
    const response = await api.call('getAds', {
      sessionToken: customerToken,
      requestId: checklistRequestId('getAds'),
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
    const requestId = checklistRequestId('clientEvent');
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
