import { expect, test } from '@playwright/test';

import { formatReport, formatTable } from '../../scripts/bench/table.js';
import { buildReport } from './sample-report.js';

test.describe('bench table', () => {
  test('right-aligns numeric columns and left-aligns text, as a Markdown table', () => {
    const table = formatTable(
      ['name', 'req/s'],
      [
        ['getAds', '41,000'],
        ['startSession', '900'],
      ],
    );

    expect(table.split('\n')).toEqual([
      '| name         |  req/s |',
      '|--------------|-------:|',
      '| getAds       | 41,000 |',
      '| startSession |    900 |',
    ]);
  });

  test('prints n/a for a figure that could not be measured', () => {
    const report = buildReport(25);
    report.handshake.rateRatio = Number.NaN;

    expect(formatReport(report)).toMatch(/\| new connections\/s \(full handshake\) .*\| n\/a +\|/);
  });
});
