import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { FullConfig, Reporter, Suite, TestCase } from '@playwright/test/reporter';

import {
  ANNOTATIONS,
  daysUntil,
  isPassing,
  renderSwitchOnSummary,
  type ChecklistStep,
  type StepStatus,
  type TargetSummary,
} from './switch-on-summary.js';

/** The go-live checklist's tag (specs/fixtures.ts GO_LIVE). */
const GO_LIVE_TAG = '@golive';
const REAL_TARGETS = ['preprod', 'prod'] as const;
// Terminal colour codes in error messages; the summary is plain Markdown.
// eslint-disable-next-line no-control-regex -- ESC is exactly the character to remove
const ANSI_COLOUR = /\u001b\[[0-9;]*m/g;
/** A settings error names one variable per line; more than this is noise in a summary. */
const MAX_PROBLEM_LINES = 12;

export interface SwitchOnReporterOptions {
  /** The Markdown file; a JSON twin is written beside it (same name, .json). */
  outputFile: string;
}

/**
 * Writes the switch-on summary of a `preprod` or `prod` run: target, date, client certificate
 * subject and days to expiry, and each go-live checklist step with its request ids. It reads the
 * annotations the setup project and specs/go-live.spec.ts attach. A run of other projects only
 * (mock, unit) writes nothing.
 */
export default class SwitchOnReporter implements Reporter {
  private suite: Suite | undefined;
  private readonly outputFile: string;

  constructor(options: SwitchOnReporterOptions) {
    this.outputFile = options.outputFile;
  }

  printsToStdio(): boolean {
    return false;
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    this.suite = suite;
  }

  onEnd(): void {
    if (!this.suite) return;
    const now = new Date();
    const summaries = REAL_TARGETS.map((target) => summarise(target, this.suite!, now)).filter(
      (summary): summary is TargetSummary => summary !== undefined,
    );
    if (summaries.length === 0) return;
    mkdirSync(path.dirname(this.outputFile), { recursive: true });
    writeFileSync(this.outputFile, renderSwitchOnSummary(summaries));
    const json = summaries.map((summary) => ({ ...summary, verdict: isPassing(summary) }));
    writeFileSync(this.outputFile.replace(/\.md$/, '') + '.json', JSON.stringify(json, null, 2));
  }
}

function summarise(target: string, root: Suite, now: Date): TargetSummary | undefined {
  const setupTests = testsOfProject(root, `${target}-setup`);
  const specs = testsOfProject(root, target);
  if (setupTests.length === 0 && specs.length === 0) return undefined;

  const annotation = (type: string): string | undefined =>
    setupTests.flatMap((test) => lastResult(test)?.annotations ?? []).find((a) => a.type === type)
      ?.description;
  const subject = annotation(ANNOTATIONS.certificateSubject);
  const notAfter = annotation(ANNOTATIONS.certificateNotAfter);

  const setupProblems = setupTests.flatMap((test) =>
    (lastResult(test)?.errors ?? []).map((error) =>
      plainMessage(error.message ?? error.value ?? 'failed'),
    ),
  );
  const goLive = specs.filter((test) => test.tags.includes(GO_LIVE_TAG));
  const others = specs.filter((test) => !test.tags.includes(GO_LIVE_TAG)).map(statusOf);
  return {
    target,
    url: annotation(ANNOTATIONS.targetUrl),
    date: now.toISOString(),
    certificate:
      subject && notAfter ? { subject, notAfter, daysLeft: daysUntil(notAfter, now) } : undefined,
    setupProblems,
    steps: goLive.map((test): ChecklistStep => ({
      title: test.title,
      status: statusOf(test),
      requestIds: (lastResult(test)?.annotations ?? [])
        .filter((a) => a.type === ANNOTATIONS.requestId && a.description)
        .map((a) => a.description!),
    })),
    otherSpecs: {
      passed: others.filter((s) => s === 'passed').length,
      failed: others.filter((s) => s === 'failed' || s === 'timedOut').length,
      notRun: others.filter((s) => s === 'skipped' || s === 'not run').length,
    },
  };
}

function testsOfProject(root: Suite, projectName: string): TestCase[] {
  return root.suites
    .filter((projectSuite) => projectSuite.project()?.name === projectName)
    .flatMap((projectSuite) => projectSuite.allTests());
}

function lastResult(test: TestCase): TestCase['results'][number] | undefined {
  return test.results.at(-1);
}

function statusOf(test: TestCase): StepStatus {
  return lastResult(test)?.status ?? 'not run';
}

/** The message of a setup failure, without colours or a stack: enough to act on. */
function plainMessage(text: string): string {
  return text
    .replace(ANSI_COLOUR, '')
    .replace(/^Error: /, '')
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\s+at /.test(line))
    .slice(0, MAX_PROBLEM_LINES)
    .join('\n');
}
