import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { expect, test } from '@playwright/test';
import { parse } from 'yaml';

import { PROJECT_ROOT } from '../../lib/paths.js';
import { targetVariables } from '../../lib/targets/env-target.js';

const WORKFLOW = path.join(PROJECT_ROOT, 'docs', 'ci', 'preprod-gate.github-workflow.yml');
/** Settings the kit reads besides a target's own. */
const GENERAL_VARIABLES = ['CDLX_REPORTS_DIR', 'CDLX_ENV_FILE'];

interface Workflow {
  jobs: Record<string, { env?: Record<string, string>; steps: { run?: string }[] }>;
}

test.describe('the documented pre-prod gate', () => {
  test('sets only variables the kit reads, and every one the preprod project needs', async () => {
    const workflow = parse(await readFile(WORKFLOW, 'utf8')) as Workflow;
    const job = Object.values(workflow.jobs)[0]!;
    const fromSteps = job.steps
      .flatMap((step) => [...(step.run ?? '').matchAll(/echo "(CDLX_[A-Z_]+)=/g)])
      .map((match) => match[1]!);
    const set = [...Object.keys(job.env ?? {}), ...fromSteps].filter((name) =>
      name.startsWith('CDLX_'),
    );

    const known = [...Object.keys(targetVariables('preprod')), ...GENERAL_VARIABLES];
    expect(set.filter((name) => !known.includes(name))).toEqual([]);
    for (const required of ['CDLX_PREPROD_CERT', 'CDLX_PREPROD_KEY', 'CDLX_PREPROD_CUSTOMER_ID']) {
      expect(set).toContain(required);
    }
    expect(set.some((name) => name === 'CDLX_PREPROD_URL' || name === 'CDLX_PREPROD_REGION')).toBe(
      true,
    );
  });
});
