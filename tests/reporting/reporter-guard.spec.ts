import { expect, test } from '@playwright/test';

import { assertReportersKept } from '../../lib/reporting/reporter-guard.js';

const argv = (...args: string[]): string[] => ['node', 'playwright', 'test', ...args];

test.describe('the reporters of a real run', () => {
  test('--reporter is refused with a real project, in every spelling', () => {
    for (const args of [
      ['--project=preprod', '--reporter=dot'],
      ['--project', 'prod', '--reporter', 'junit'],
      ['--project=mock,prod-setup', '--reporter=line'],
    ]) {
      expect(() => assertReportersKept(argv(...args))).toThrow(
        /--reporter would replace the reporter that keeps session tokens and passphrases out of/,
      );
    }
  });

  test('--reporter stays allowed for the mock and unit projects, and real runs without it pass', () => {
    expect(() => assertReportersKept(argv('--project=mock', '--reporter=dot'))).not.toThrow();
    expect(() => assertReportersKept(argv('--project=unit', '--reporter', 'line'))).not.toThrow();
    expect(() => assertReportersKept(argv('--project=preprod'))).not.toThrow();
  });
});
