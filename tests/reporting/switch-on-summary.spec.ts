import { expect, test } from '@playwright/test';

import {
  isPassing,
  renderSwitchOnSummary,
  type TargetSummary,
} from '../../lib/reporting/switch-on-summary.js';

const PASSING: TargetSummary = {
  target: 'preprod',
  url: 'https://publisher-uk-fiuat.cardlytics.com',
  date: '2026-12-03T10:00:00.000Z',
  certificate: {
    subject: '/O=Example Bank/CN=UAT',
    notAfter: '2027-03-03T10:00:00.000Z',
    daysLeft: 90,
  },
  setupProblems: [],
  steps: [
    {
      title: 'healthcheck answers 200 through mTLS',
      status: 'passed',
      requestIds: ['healthcheck r-1'],
    },
    { title: 'getAds returns ranked ads', status: 'passed', requestIds: ['getAds r-2'] },
  ],
  otherSpecs: { passed: 30, failed: 0, notRun: 0 },
};

test.describe('switch-on summary', () => {
  test('lists target, date, certificate and each checklist step with its request ids', () => {
    expect(renderSwitchOnSummary([PASSING])).toBe(
      [
        '# Switch-on summary: preprod',
        '',
        '- Verdict: **PASS** (2 of 2 checklist steps passed)',
        '- Target: preprod at https://publisher-uk-fiuat.cardlytics.com',
        '- Date: 2026-12-03T10:00:00.000Z',
        '- Client certificate: /O=Example Bank/CN=UAT, expires 2027-03-03 (90 days left)',
        '- Other contract specs: 30 passed, 0 failed, 0 skipped or not run',
        '',
        '| Checklist step | Result | Request ids |',
        '| --- | --- | --- |',
        '| healthcheck answers 200 through mTLS | passed | `healthcheck r-1` |',
        '| getAds returns ranked ads | passed | `getAds r-2` |',
        '',
      ].join('\n'),
    );
  });

  test('fails when setup failed, a step did not pass, another spec failed, or nothing ran', () => {
    expect(isPassing(PASSING)).toBe(true);
    expect(isPassing({ ...PASSING, setupProblems: ['CDLX_PROD_URL is not set'] })).toBe(false);
    expect(
      isPassing({ ...PASSING, steps: [{ title: 't', status: 'not run', requestIds: [] }] }),
    ).toBe(false);
    expect(isPassing({ ...PASSING, otherSpecs: { passed: 1, failed: 1, notRun: 0 } })).toBe(false);
    expect(isPassing({ ...PASSING, steps: [] })).toBe(false);
  });

  test('shows setup problems as the message people act on', () => {
    const markdown = renderSwitchOnSummary([
      { ...PASSING, certificate: undefined, setupProblems: ['The prod target is not configured:'] },
    ]);

    expect(markdown).toContain('- Verdict: **FAIL**');
    expect(markdown).toContain('- Client certificate: not checked');
    expect(markdown).toContain('```text\nThe prod target is not configured:\n```');
  });
});
