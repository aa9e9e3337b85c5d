import { expect, test } from '@playwright/test';

import { newRequestId } from '../../mock-server/request-id.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test.describe('request ids', () => {
  test('are version 4 UUIDs, all different, across refills of the random pool', () => {
    // Several refills of the 256-id pool.
    const ids = Array.from({ length: 2000 }, () => newRequestId());

    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('use every hex digit in the random positions', () => {
    const digits = new Set(
      Array.from({ length: 200 }, () => newRequestId().replaceAll('-', '').slice(13)).join(''),
    );

    expect([...digits].sort().join('')).toBe('0123456789abcdef');
  });
});
