import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { expect, test as base } from '@playwright/test';

import { childEnv } from '../../lib/rehearsal/child-env.js';
import { runPlaywrightProject } from '../../lib/rehearsal/playwright-run.js';

const test = base.extend<{ reportsDir: string }>({
  reportsDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cdlx-missing-settings-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

/** The variables each project must name when nothing is set. */
const REQUIRED = {
  preprod: [
    'CDLX_PREPROD_URL',
    'CDLX_PREPROD_CERT',
    'CDLX_PREPROD_KEY',
    'CDLX_PREPROD_CUSTOMER_ID',
  ],
  prod: ['CDLX_PROD_URL', 'CDLX_PROD_CERT', 'CDLX_PROD_KEY', 'CDLX_PROD_CUSTOMER_ID'],
} as const;

test.describe('a real target without settings', () => {
  // Each test starts a Playwright run in a child process.
  test.describe.configure({ timeout: 60_000 });

  for (const project of ['preprod', 'prod'] as const) {
    test(`npx playwright test --project=${project} fails at once with one message naming every missing variable`, async ({
      reportsDir,
    }) => {
      const run = await runPlaywrightProject(project, childEnv({ CDLX_REPORTS_DIR: reportsDir }));

      expect(run.exitCode).toBe(1);
      const output = run.stdout + run.stderr;
      expect(output).toContain(`The ${project} target is not configured:`);
      for (const variable of REQUIRED[project]) expect(output).toContain(`${variable} is not set`);
      // One failure (the setup project), no spec run, nothing skipped as if it had passed.
      const results = JSON.parse(await readFile(path.join(reportsDir, 'results.json'), 'utf8')) as {
        stats: { expected: number; unexpected: number; skipped: number };
      };
      expect(results.stats).toMatchObject({ expected: 0, unexpected: 1 });
      expect(output).toMatch(/1 failed[\s\S]*\d+ did not run/);
    });
  }
});
