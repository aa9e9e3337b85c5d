import type { DoctorReport, StepResult } from './report.js';

const MARKS: Record<StepResult['status'], string> = {
  pass: 'PASS',
  warn: 'WARN',
  fail: 'FAIL',
  skip: '----',
};

/** One line per step (with its hint underneath when there is one), as doctor prints them. */
export function formatStep(step: StepResult): string {
  const time = step.ms === undefined ? '' : ` (${step.ms} ms)`;
  const line = `${MARKS[step.status]}  ${step.title.padEnd(28)} ${step.detail}${time}`;
  return step.hint && step.status !== 'pass' ? `${line}\n      → ${step.hint}` : line;
}

/** The closing lines: the verdict and the exit code it leads to. */
export function formatVerdict(report: DoctorReport): string {
  const exitCode = report.ok ? 0 : 1;
  return [
    '',
    `Verdict: ${report.ok ? 'OK' : `FAILED (${report.verdict})`} — ${report.summary}`,
    `Exit code ${exitCode}.`,
  ].join('\n');
}
