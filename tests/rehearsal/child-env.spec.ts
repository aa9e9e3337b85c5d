import { expect, test } from '@playwright/test';

import { childEnv } from '../../lib/rehearsal/child-env.js';

test.describe('the environment of a rehearsal run', () => {
  test('holds the settings given and the shell basics, and none of the developer own', () => {
    const env = childEnv(
      { CDLX_PREPROD_URL: 'https://127.0.0.1:1234' },
      {
        PATH: '/usr/bin',
        HOME: '/home/dev',
        NODE_EXTRA_CA_CERTS: '/etc/corp-ca.pem',
        CDLX_PREPROD_URL: 'https://real-preprod.example',
        CDLX_PREPROD_KEY: '/home/dev/real.key',
        CDLX_PROD_ALLOW_ALL: '1',
        TEST_WORKER_INDEX: '3',
      },
    );

    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/dev',
      NODE_EXTRA_CA_CERTS: '/etc/corp-ca.pem',
      CDLX_PREPROD_URL: 'https://127.0.0.1:1234',
      CDLX_ENV_FILE: 'none',
    });
  });
});
