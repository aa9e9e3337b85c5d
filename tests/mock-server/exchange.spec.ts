import { expect, test as base } from '@playwright/test';

import { startMockServer, type MockServer } from '../../mock-server/server.js';
import { callJson, sessionToken } from '../support/mock-calls.js';
import { createTestPki, type TestPki } from '../support/test-pki.js';

const test = base.extend<{ pki: TestPki; mock: MockServer }>({
  pki: async ({}, use) => use(await createTestPki()),
  mock: async ({ pki }, use) => {
    const mock = await startMockServer({ tls: pki.tls });
    await use(mock);
    await mock.close();
  },
});

test.describe('an exchange after a fault delay', () => {
  test('answers a refusal found synchronously with its 401, not a crash', async ({ mock, pki }) => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const institutionToken = await sessionToken(mock, pki, 'api:institution');
      mock.sandbox.faults.add({ kind: 'latency', delayMs: 5, operationId: 'getCustomerProfile' });
      const path = '/v2/customerProfile/getCustomerProfile';

      // An operation without a body goes from the delay straight to the session check. The first
      // use checks the token's signature (asynchronously); the second finds the token known, and
      // its missing scope is then refused synchronously.
      const first = await callJson(mock, pki, 'GET', path, undefined, institutionToken);
      const second = await callJson(mock, pki, 'GET', path, undefined, institutionToken);
      await new Promise((resolve) => setImmediate(resolve));

      expect(first.status).toBe(401);
      expect(second.status).toBe(401);
      expect(second.body.title).toContain('api:customer');
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
