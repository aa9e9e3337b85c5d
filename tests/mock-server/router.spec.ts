import { expect, test } from '@playwright/test';

import { getContractValidators } from '../../lib/contract/validators.js';
import { Router } from '../../mock-server/router.js';

const router = new Router(getContractValidators().operations);

test.describe('router', () => {
  test('routes each contract path and method to its operationId', () => {
    for (const operation of getContractValidators().operations) {
      const match = router.match(operation.method.toUpperCase(), operation.path);
      expect('operation' in match && match.operation.operationId).toBe(operation.operationId);
    }
  });

  test('ignores a query string when matching', () => {
    const match = router.match('GET', '/healthcheck?probe=1');
    expect('operation' in match && match.operation.operationId).toBe('healthcheck');
  });

  test('answers 405 with an Allow header for a known path and the wrong method', () => {
    const match = router.match('DELETE', '/v2/ads/getAds');

    expect('problem' in match && match.problem.status).toBe(405);
    expect('problem' in match && match.problem.headers).toEqual({ allow: 'POST' });
  });

  test('answers 404 that suggests the closest path and lists the others', () => {
    const match = router.match('POST', '/v2/session/startsession/');
    if (!('problem' in match)) throw new Error('expected a problem');

    expect(match.problem.status).toBe(404);
    expect(match.problem.message).toContain('did you mean /v2/session/startSession');
    expect(match.problem.validationErrors).toContain('available: GET /healthcheck');
  });

  test('gives no suggestion for a path nowhere near a known one', () => {
    const match = router.match('GET', '/admin/secret/panel/of/doom');
    if (!('problem' in match)) throw new Error('expected a problem');

    expect(match.problem.message).toBe('No operation at GET /admin/secret/panel/of/doom');
  });
});
