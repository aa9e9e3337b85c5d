import { expect, test } from '@playwright/test';

import { median, medianPairedRatio, percentile, ratio } from '../../scripts/bench/stats.js';

test.describe('bench statistics', () => {
  test('takes the middle value of an odd list and the mean of the middle two of an even one', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test('interpolates percentiles between closest ranks', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(10);
    expect(percentile(values, 50)).toBe(5.5);
    expect(percentile(values, 99)).toBeCloseTo(9.91, 10);
  });

  test('ignores values that are not finite and answers NaN for no values', () => {
    expect(median([Number.NaN, 2, Number.POSITIVE_INFINITY, 4])).toBe(3);
    expect(median([])).toBeNaN();
  });

  test('refuses a percentile outside 0..100', () => {
    expect(() => percentile([1], 101)).toThrow(/0\.\.100/);
  });

  test('gives NaN rather than Infinity for a ratio over zero', () => {
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(3, 4)).toBe(0.75);
  });

  test('pairs runs by index before taking the median of their ratios', () => {
    // The machine slowed down in round 2: both sides halved, the ratio stayed put.
    const mock = [80, 40, 82];
    const baseline = [100, 50, 100];

    expect(medianPairedRatio(mock, baseline)).toBeCloseTo(0.8, 10);
  });
});
