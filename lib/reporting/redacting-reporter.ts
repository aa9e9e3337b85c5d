import { readFileSync, statSync, writeFileSync } from 'node:fs';

import type {
  Reporter,
  TestCase,
  TestError,
  TestResult,
  TestStep,
} from '@playwright/test/reporter';

import { createRedactor, type Redactor } from './redact.js';
import { readRegisteredSecrets, secretsFromSettings } from './secret-registry.js';

/** Text attachments larger than this are left alone (they are not what carries a token). */
const MAX_REDACTED_ATTACHMENT_BYTES = 4 * 1024 * 1024;

/**
 * Scrubs secrets from test results before any other reporter sees them. It must come first in
 * the `reporter` list: Playwright calls reporters in order with the same result objects, so the
 * HTML, JUnit, JSON and console reporters after it only ever read the scrubbed text.
 *
 * Playwright has no switch for this: its request call log puts every request header (our
 * X-CDLX-Session-Token) into error messages, and traces record headers and bodies
 * (microsoft/playwright#22353, #19992). Traces are off for real targets; this covers the rest.
 * What it removes: session tokens the workers registered (secret-registry.ts), PFX passphrases
 * and key paths from the settings, and the patterns in redact.ts.
 */
export default class RedactingReporter implements Reporter {
  printsToStdio(): boolean {
    return false;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const redact = this.redactor();
    result.errors.forEach((error) => redactError(error, redact));
    if (result.error && !result.errors.includes(result.error)) redactError(result.error, redact);
    result.stdout = result.stdout.map((chunk) => redactChunk(chunk, redact));
    result.stderr = result.stderr.map((chunk) => redactChunk(chunk, redact));
    result.steps.forEach((step) => redactStep(step, redact));
    for (const annotation of [...result.annotations, ...test.annotations]) {
      if (annotation.description) annotation.description = redact(annotation.description);
    }
    for (const attachment of result.attachments) {
      if (!isText(attachment.contentType)) continue;
      if (attachment.body) {
        attachment.body = Buffer.from(redact(attachment.body.toString('utf8')));
      } else if (attachment.path) {
        redactFile(attachment.path, redact);
      }
    }
  }

  onError(error: TestError): void {
    redactError(error, this.redactor());
  }

  /** Rebuilt per test: workers register new tokens as the run goes on. */
  private redactor(): Redactor {
    return createRedactor([...secretsFromSettings(), ...readRegisteredSecrets()]);
  }
}

function redactError(error: TestError, redact: Redactor): void {
  if (error.message) error.message = redact(error.message);
  if (error.stack) error.stack = redact(error.stack);
  if (error.value) error.value = redact(error.value);
  if (error.snippet) error.snippet = redact(error.snippet);
  if (error.cause) redactError(error.cause, redact);
}

function redactStep(step: TestStep, redact: Redactor): void {
  const mutable = step as { title: string };
  mutable.title = redact(step.title);
  if (step.error) redactError(step.error, redact);
  step.steps.forEach((child) => redactStep(child, redact));
}

function redactChunk(chunk: string | Buffer, redact: Redactor): string | Buffer {
  return typeof chunk === 'string' ? redact(chunk) : Buffer.from(redact(chunk.toString('utf8')));
}

function isText(contentType: string): boolean {
  return /^text\/|^application\/(json|xml)|\+json$/.test(contentType);
}

function redactFile(file: string, redact: Redactor): void {
  try {
    if (statSync(file).size > MAX_REDACTED_ATTACHMENT_BYTES) return;
    const text = readFileSync(file, 'utf8');
    const clean = redact(text);
    if (clean !== text) writeFileSync(file, clean);
  } catch {
    // The attachment is gone or unreadable: nothing of it can reach a report.
  }
}
