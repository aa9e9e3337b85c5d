import { randomUUID } from 'node:crypto';

import { MOCK_ONLY, expect, test } from './fixtures.js';

/** Contract cases as data: a getAds body that breaks the contract, and the field it must name. */
const INVALID_GET_ADS_BODIES = [
  { name: 'a missing channel', body: {}, field: 'channel' },
  { name: 'an unknown channel', body: { channel: 'Fax' }, field: 'channel' },
  { name: 'maxAdLimit of 0', body: { channel: 'MobileApp', maxAdLimit: 0 }, field: 'maxAdLimit' },
  {
    name: 'an unknown section',
    body: { channel: 'MobileApp', sections: ['Nowhere'] },
    field: 'sections[0]',
  },
  {
    name: 'a string for returnMetadata',
    body: { channel: 'MobileApp', returnMetadata: 'yes' },
    field: 'returnMetadata',
  },
];

test.describe('request validation', () => {
  for (const { name, body, field } of INVALID_GET_ADS_BODIES) {
    test(`getAds with ${name} is a 400 naming ${field}`, async ({ api, customerToken }) => {
      const response = await api.call('getAds', {
        sessionToken: customerToken,
        body: body as never,
      });

      expect(response.status).toBe(400);
      expect(response).toMatchContract();
      expect(response.body).toMatchObject({ type: 'ValidationException' });
      const errors = (response.body as { validationErrors: string[] }).validationErrors;
      expect(errors.some((line) => line.startsWith(`${field}:`))).toBe(true);
    });
  }

  test('clientEvent with an unknown event name is a 400 naming the field', async ({
    api,
    customerToken,
  }) => {
    const response = await api.call('clientEvent', {
      sessionToken: customerToken,
      rawBody: JSON.stringify({
        clientEvents: [
          {
            clientEventId: randomUUID(),
            clientEventType: 'SessionAction',
            clientEvent: 'Bogus',
            clientEventTimestamp: new Date().toISOString(),
          },
        ],
      }),
    });

    expect(response.status).toBe(400);
    expect(response).toMatchContract();
    expect(JSON.stringify(response.body)).toContain('clientEvents[0].clientEvent');
  });

  test('a body that is not JSON is a 400 HttpMessageNotReadable', async ({ api }) => {
    const response = await api.call('startSession', { rawBody: '{"scopes": [' });

    expect(response.status).toBe(400);
    expect(response).toMatchContract();
    expect(response.body).toMatchObject({ type: 'HttpMessageNotReadable' });
  });

  test('a body sent as text/plain is a 415', async ({ api }) => {
    const response = await api.call('startSession', {
      rawBody: '{"scopes":["api:institution"]}',
      headers: { 'content-type': 'text/plain' },
    });

    expect(response.status).toBe(415);
    expect(response).toMatchContract();
  });

  // The error type and Allow header are the mock's choice; the reference documents the status only.
  test(
    'the wrong method is a 405 that names the allowed one',
    { tag: MOCK_ONLY },
    async ({ api }) => {
      const response = await api.raw('GET', '/v2/ads/getAds');

      expect(response.status()).toBe(405);
      expect(response.headers()['allow']).toBe('POST');
      expect(await response.json()).toMatchObject({ type: 'MethodNotAllowed', status: 405 });
    },
  );

  // The "did you mean" hint is the mock's own help, not the real API's.
  test(
    'an unknown path is a 404 that lists the paths that exist',
    { tag: MOCK_ONLY },
    async ({ api }) => {
      const response = await api.raw('POST', '/v2/ads/getAd');

      expect(response.status()).toBe(404);
      const body = (await response.json()) as { title: string; validationErrors: string[] };
      expect(body.title).toContain('did you mean /v2/ads/getAds');
      expect(body.validationErrors).toContain('available: POST /v2/session/startSession');
    },
  );

  // Whether the real API echoes the id as a header is unknown (reference §6); the body echo is
  // checked against real targets by the go-live clientEvent spec.
  test(
    'the request id sent is echoed in the body and the header',
    { tag: MOCK_ONLY },
    async ({ api }) => {
      const requestId = randomUUID();

      const response = await api.call('healthcheck', { requestId });

      expect(response.body).toMatchObject({ requestId });
      expect(response.headers['x-cdlx-request-id']).toBe(requestId);
    },
  );

  test('a request id is generated when none is sent', { tag: MOCK_ONLY }, async ({ api }) => {
    const response = await api.call('startSession', { body: { scopes: ['api:institution'] } });

    const requestId = response.headers['x-cdlx-request-id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
