import path from 'node:path';

import { defineConfig } from '@playwright/test';

import { exitIfReportersReplaced } from './lib/reporting/reporter-guard.js';
import { REPORT_FILES, resolveReportsDir } from './lib/reporting/reports-dir.js';
import { prepareSecretRegistry } from './lib/reporting/secret-registry.js';
import { loadEnvFile } from './lib/targets/env-file.js';
import { useTrustBundle } from './lib/trust-bundle.js';
import type { TargetOptions } from './specs/fixtures.js';

// Target settings from CDLX_ENV_FILE or .env.cdlx (never overriding the environment), then the
// trust bundle and the secret registry: all before the workers start, which inherit them.
loadEnvFile();
useTrustBundle();
prepareSecretRegistry();
exitIfReportersReplaced(process.argv);

const isCi = Boolean(process.env.CI);
/** Every report of the run in one folder (CDLX_REPORTS_DIR); per-test output inside it then. */
const reportsDir = resolveReportsDir();
const outputDir = process.env.CDLX_REPORTS_DIR
  ? path.join(reportsDir, 'test-results')
  : 'test-results';
/** Real targets never record traces: they hold request headers (the session token) and bodies. */
const REAL_TARGET_USE = { trace: 'off' } as const;

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
    // First: scrubs secrets from the results before the reporters below read them.
    ['./lib/reporting/redacting-reporter.ts'],
    [isCi ? 'dot' : 'line'],
    ['html', { outputFolder: path.join(reportsDir, REPORT_FILES.html), open: 'never' }],
    ['junit', { outputFile: path.join(reportsDir, REPORT_FILES.junit) }],
    ['json', { outputFile: path.join(reportsDir, REPORT_FILES.json) }],
    [
      './lib/reporting/switch-on-reporter.ts',
      { outputFile: path.join(reportsDir, REPORT_FILES.switchOn) },
    ],
  ],
  outputDir,
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'unit', testDir: 'tests' },
    { name: 'mock', testDir: 'specs', use: { targetName: 'mock' } },
    {
      name: 'preprod-setup',
      testDir: 'specs',
      testMatch: /target\.setup\.ts/,
      use: { targetName: 'preprod', ...REAL_TARGET_USE },
    },
    {
      name: 'preprod',
      testDir: 'specs',
      dependencies: ['preprod-setup'],
      grepInvert: MOCK_ONLY,
      use: { targetName: 'preprod', ...REAL_TARGET_USE },
    },
    {
      name: 'prod-setup',
      testDir: 'specs',
      testMatch: /target\.setup\.ts/,
      use: { targetName: 'prod', ...REAL_TARGET_USE },
    },
    {
      name: 'prod',
      testDir: 'specs',
      dependencies: ['prod-setup'],
      grepInvert: MOCK_ONLY,
      ...(process.env.CDLX_PROD_ALLOW_ALL === '1' ? {} : { grep: GO_LIVE }),
      use: { targetName: 'prod', ...REAL_TARGET_USE },
    },
  ],
});
