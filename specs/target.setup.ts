import { test as setup } from '@playwright/test';

import { describeError } from '../lib/errors.js';
import { formatFinding } from '../lib/pki/findings.js';
import { ANNOTATIONS } from '../lib/reporting/switch-on-summary.js';
import { checkTargetCertificate } from '../lib/targets/check-certificate.js';
import { resolveEnvTarget } from '../lib/targets/env-target.js';
import type { TargetOptions } from './fixtures.js';

/**
 * Runs before the preprod and prod projects: checks every setting at once, then the client
 * certificate (expired, not matching its key, ...) with the code `cdlx cert inspect` uses, so a
 * misconfigured gate fails here with one message instead of skipping or failing every spec.
 */
setup.extend<TargetOptions>({ targetName: ['mock', { option: true }] })(
  'the target settings are complete and the client certificate is usable',
  async ({ targetName }) => {
    if (targetName === 'mock') return;
    const annotate = (type: string, description: string): void => {
      setup.info().annotations.push({ type, description });
    };

    const target = await plainErrors(() => resolveEnvTarget(targetName));
    annotate(ANNOTATIONS.targetUrl, target.baseURL);

    const check = await plainErrors(() => checkTargetCertificate(target));
    annotate(ANNOTATIONS.certificateSubject, check.report.subject);
    annotate(ANNOTATIONS.certificateNotAfter, check.report.notAfter);
    for (const finding of check.findings.filter((f) => f.level === 'warning')) {
      annotate('warning', formatFinding(finding));
    }
    if (!check.ok) {
      throw plainError(
        [
          `The ${targetName} client certificate would be refused:`,
          ...check.findings
            .filter((f) => f.level === 'error')
            .map((f) => `  - ${formatFinding(f)}`),
        ].join('\n'),
      );
    }
  },
);

/** Rethrows with the message alone: a stack into this file would only add noise. */
async function plainErrors<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw plainError(describeError(error));
  }
}

function plainError(message: string): Error {
  const failure = new Error(message);
  failure.stack = failure.message;
  return failure;
}
