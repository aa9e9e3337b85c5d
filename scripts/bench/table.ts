import type { BenchReport, TargetCheck } from './report.js';

/** Marks a missed target so it stands out in a terminal and in a pasted table. */
export const BELOW_TARGET = 'BELOW TARGET';

/**
 * A Markdown table (pipes and a dashed rule) with numbers right-aligned: readable in a terminal
 * and pasted as is into docs/performance.md.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const isNumeric = header.map((_, column) =>
    rows.every((row) => /^[-+]?[\d.,]+[×%]?$|^n\/a$/.test(row[column] ?? '')),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells
      .map((cell, column) =>
        isNumeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join(' | ')} |`;
  const rule = `|${widths
    .map((width, column) =>
      isNumeric[column] ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2),
    )
    .join('|')}|`;
  return [line(header), rule, ...rows.map((row) => line(header.map((_, i) => row[i] ?? '')))].join(
    '\n',
  );
}

/** A figure with a sensible number of digits for its size; `n/a` when it could not be measured. */
export function formatNumber(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const fractionDigits = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toLocaleString('en-US', {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });
}

const ratioCell = (value: number): string => formatNumber(value, 2);

/**
 * The load table: one row per operation and concurrency, baseline and mock side by side. The
 * server-bound rate is what one core sustains at the measured CPU cost per request.
 */
export function formatLoadTable(report: BenchReport): string {
  const rows = Object.values(report.operations).flatMap((byConnections) =>
    Object.values(byConnections).map((figures) => [
      figures.operation,
      String(figures.connections),
      formatNumber(figures.baseline.cpuMicrosPerRequest, 1),
      formatNumber(figures.mock.cpuMicrosPerRequest, 1),
      formatNumber(figures.baseline.serverBoundRequestsPerSecond, 0),
      formatNumber(figures.mock.serverBoundRequestsPerSecond, 0),
      ratioCell(figures.throughputRatio),
      formatNumber(figures.baseline.requestsPerSecond, 0),
      formatNumber(figures.mock.requestsPerSecond, 0),
      ratioCell(figures.measuredThroughputRatio),
      formatNumber(figures.baseline.latencyP50Ms, 2),
      formatNumber(figures.mock.latencyP50Ms, 2),
      formatNumber(figures.baseline.latencyP99Ms, 2),
      formatNumber(figures.mock.latencyP99Ms, 2),
      ratioCell(figures.p99Ratio),
    ]),
  );
  return formatTable(
    [
      'operation',
      'conns',
      'base CPU µs/req',
      'mock CPU µs/req',
      'base server-bound req/s',
      'mock server-bound req/s',
      'ratio',
      'base measured req/s',
      'mock measured req/s',
      'ratio',
      'base p50 ms',
      'mock p50 ms',
      'base p99 ms',
      'mock p99 ms',
      'p99 ratio',
    ],
    rows,
  );
}

/** Handshakes, heap, PKI and suite, one figure per row. */
export function formatOtherTable(report: BenchReport): string {
  const { handshake, heap, pki, suite } = report;
  const rows = [
    [
      'new connections/s (full handshake)',
      formatNumber(handshake.baseline.perSecond, 0),
      formatNumber(handshake.mock.perSecond, 0),
      ratioCell(handshake.rateRatio),
    ],
    [
      'server CPU µs per handshake',
      formatNumber(handshake.baseline.cpuMicrosPerHandshake, 0),
      formatNumber(handshake.mock.cpuMicrosPerHandshake, 0),
      ratioCell(handshake.cpuPerHandshakeRatio),
    ],
    [
      `mock heap after GC, before → after ${heap.soakSeconds} s of mixed load (MiB)`,
      formatNumber(heap.beforeMiB, 1),
      formatNumber(heap.afterMiB, 1),
      `${formatNumber(heap.growthPercent, 1)}%`,
    ],
    [`local PKI creation, median of ${pki.runs} (s)`, '', formatNumber(pki.medianSeconds, 2), ''],
    [
      'npx playwright test --project=mock (s)',
      '',
      suite ? `${formatNumber(suite.seconds, 1)}${suite.passed ? '' : ' (FAILED)'}` : 'skipped',
      '',
    ],
  ];
  return formatTable(['figure', 'baseline', 'mock', 'ratio / change'], rows);
}

/** One line per target: the value, the limit and `ok` or the below-target marker. */
export function formatTargets(targets: readonly TargetCheck[]): string {
  return targets
    .map(
      (target) =>
        `${target.met ? 'ok          ' : `${BELOW_TARGET}:`} ${target.name} = ${formatNumber(target.value)} (target ${target.comparison} ${target.limit})`,
    )
    .join('\n');
}

export function formatReport(report: BenchReport): string {
  const pinning = report.machine.pinned
    ? 'servers pinned to core 0, load generator to core 1'
    : 'NOT pinned (taskset not found): figures are less reliable';
  const { loadAverage } = report.machine;
  const load = `load average ${formatNumber(loadAverage.start, 1)} at the start, ${formatNumber(loadAverage.end, 1)} at the end`;
  return [
    `cdlx bench (${report.mode}), ${report.date}, Node ${report.machine.node}, ${report.machine.cpus} cores, ${pinning}`,
    `Machine ${load}${loadAverage.start > report.machine.cpus || loadAverage.end > report.machine.cpus ? ' (other work was running: figures are noisy)' : ''}.`,
    `Answer sizes: ${Object.entries(report.answerBytes)
      .map(([operation, bytes]) => `${operation} ${formatNumber(bytes, 0)} B`)
      .join(', ')}.`,
    'Medians of interleaved rounds. Each ratio is mock / baseline, the median of the ratios of',
    'paired rounds (so it can differ from the ratio of the two medians shown).',
    '',
    formatLoadTable(report),
    '',
    formatOtherTable(report),
    '',
    formatTargets(report.targets),
  ].join('\n');
}
