/**
 * Small statistics for benchmark figures. Runs are few (3 to 7), so the median is used throughout:
 * one run disturbed by another process on a shared machine moves it far less than it moves a mean.
 */

/** The median of `values`; NaN for an empty list. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/**
 * The `p`-th percentile (0–100) by linear interpolation between closest ranks, as NumPy's default
 * and most spreadsheets compute it; NaN for an empty list.
 */
export function percentile(values: readonly number[], p: number): number {
  if (p < 0 || p > 100 || Number.isNaN(p)) throw new RangeError(`percentile: p=${p} is not 0..100`);
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return Number.NaN;
  const sorted = [...finite].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const weight = rank - lower;
  return sorted[lower]! * (1 - weight) + sorted[upper]! * weight;
}

/** `numerator / denominator`, or NaN when the denominator is zero or not a number. */
export function ratio(numerator: number, denominator: number): number {
  return denominator === 0 || !Number.isFinite(denominator) ? Number.NaN : numerator / denominator;
}

/**
 * The median of the ratios of paired runs (mock run i against baseline run i). Pairs are measured
 * one right after the other, so a slow phase of the machine affects both sides of a pair alike.
 */
export function medianPairedRatio(
  numerators: readonly number[],
  denominators: readonly number[],
): number {
  const count = Math.min(numerators.length, denominators.length);
  const ratios: number[] = [];
  for (let index = 0; index < count; index++) {
    ratios.push(ratio(numerators[index]!, denominators[index]!));
  }
  return median(ratios);
}
