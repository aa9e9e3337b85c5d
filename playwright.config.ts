import { defineConfig } from '@playwright/test';

import { useTrustBundle } from './lib/trust-bundle.js';
import type { TargetOptions } from './specs/fixtures.js';

// Must happen before the workers start: they read NODE_EXTRA_CA_CERTS once, at launch.
useTrustBundle();

const isCi = Boolean(process.env.CI);

/** Specs that need the mock's seeded data, state or faults never run against a real target. */
const MOCK_ONLY = /@mock-only/;
/** The go-live checklist: the only specs prod runs unless CDLX_PROD_ALLOW_ALL=1. */
const GO_LIVE = /@golive/;

export default defineConfig<TargetOptions>({
  globalSetup: './specs/global-setup.ts',
  forbidOnly: isCi,
  retries: isCi ? 1 : 0,
  fullyParallel: true,
  reporter: [
    [isCi ? 'dot' : 'line'],
    ['html', { outputFolder: 'reports/html', open: 'never' }],
    ['junit', { outputFile: 'reports/junit.xml' }],
    ['json', { outputFile: 'reports/results.json' }],
  ],
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'unit', testDir: 'tests' },
    { name: 'mock', testDir: 'specs', use: { targetName: 'mock' } },
    {
      name: 'preprod-setup',
      testDir: 'specs',
      testMatch: /target\.setup\.ts/,
      use: { targetName: 'preprod', trace: 'off' },
    },
    {
      name: 'preprod',
      testDir: 'specs',
      dependencies: ['preprod-setup'],
      grepInvert: MOCK_ONLY,
      use: { targetName: 'preprod' },
    },
    {
      name: 'prod-setup',
      testDir: 'specs',
      testMatch: /target\.setup\.ts/,
      use: { targetName: 'prod', trace: 'off' },
    },
    {
      name: 'prod',
      testDir: 'specs',
      dependencies: ['prod-setup'],
      grepInvert: MOCK_ONLY,
      ...(process.env.CDLX_PROD_ALLOW_ALL === '1' ? {} : { grep: GO_LIVE }),
      use: { targetName: 'prod' },
    },
  ],
});
