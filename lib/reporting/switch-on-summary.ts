/** Annotation types the setup project and the go-live specs attach, read by the summary. */
export const ANNOTATIONS = {
  targetUrl: 'cdlx-target-url',
  certificateSubject: 'cdlx-certificate-subject',
  certificateNotAfter: 'cdlx-certificate-not-after',
  requestId: 'cdlx-request-id',
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

export type StepStatus = 'passed' | 'failed' | 'timedOut' | 'skipped' | 'interrupted' | 'not run';

export interface ChecklistStep {
  title: string;
  status: StepStatus;
  /** `operation <X-CDLX-Request-Id>` for each request the step sent, for Cardlytics support. */
  requestIds: string[];
}

/** What one real target's run showed: the facts the switch-on decision rests on. */
export interface TargetSummary {
  target: string;
  url: string | undefined;
  date: string;
  certificate: { subject: string; notAfter: string; daysLeft: number } | undefined;
  /** Failures of the setup project (settings, certificate): each message, without its stack. */
  setupProblems: string[];
  steps: ChecklistStep[];
  otherSpecs: { passed: number; failed: number; notRun: number };
}

export function isPassing(summary: TargetSummary): boolean {
  return (
    summary.setupProblems.length === 0 &&
    summary.steps.length > 0 &&
    summary.steps.every((step) => step.status === 'passed') &&
    summary.otherSpecs.failed === 0
  );
}

export function daysUntil(isoDate: string, now: Date): number {
  return Math.floor((Date.parse(isoDate) - now.getTime()) / DAY_MS);
}

/** Renders the Markdown page a release manager reads before (or after) the switch-on. */
export function renderSwitchOnSummary(summaries: readonly TargetSummary[]): string {
  return `${summaries.map(renderTarget).join('\n')}`;
}

function renderTarget(summary: TargetSummary): string {
  const passedSteps = summary.steps.filter((step) => step.status === 'passed').length;
  const verdict = isPassing(summary) ? 'PASS' : 'FAIL';
  const { passed, failed, notRun } = summary.otherSpecs;
  const certificate = summary.certificate
    ? `${summary.certificate.subject}, expires ${summary.certificate.notAfter.slice(0, 10)} (${summary.certificate.daysLeft} days left)`
    : 'not checked';
  const lines = [
    `# Switch-on summary: ${summary.target}`,
    '',
    `- Verdict: **${verdict}** (${passedSteps} of ${summary.steps.length} checklist steps passed)`,
    `- Target: ${summary.target}${summary.url ? ` at ${summary.url}` : ''}`,
    `- Date: ${summary.date}`,
    `- Client certificate: ${certificate}`,
    `- Other contract specs: ${passed} passed, ${failed} failed, ${notRun} skipped or not run`,
  ];
  if (summary.setupProblems.length > 0) {
    for (const problem of summary.setupProblems) lines.push('', '```text', problem, '```');
  }
  lines.push('', '| Checklist step | Result | Request ids |', '| --- | --- | --- |');
  for (const step of summary.steps) {
    const ids = step.requestIds.map((id) => `\`${id}\``).join('<br>') || '-';
    lines.push(`| ${escapeCell(step.title)} | ${step.status} | ${ids} |`);
  }
  if (summary.steps.length === 0) lines.push('| (no checklist step ran) | not run | - |');
  return `${lines.join('\n')}\n`;
}

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|');
}
