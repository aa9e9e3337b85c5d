import { describeError } from '../errors.js';
import { checkTargetCertificate } from '../targets/check-certificate.js';
import type { Step } from './doctor-context.js';
import { fail } from './doctor-context.js';
import { createTargetContext } from './secure-context.js';

/**
 * Checks our own certificate before anything goes on the wire (same checks as
 * `cdlx cert inspect`), then builds the one TLS context every later step reuses.
 */
export const checkCertificate: Step = async (context) => {
  const started = performance.now();
  const ms = (): number => Math.round(performance.now() - started);
  let detail: string;
  let warnings: string[];
  try {
    const check = await checkTargetCertificate(context.target);
    const errors = check.findings.filter((finding) => finding.level === 'error');
    if (errors.length > 0) {
      return fail(
        'local-certificate',
        errors.map((finding) => finding.message).join('; '),
        errors[0]!.hint,
        ms(),
      );
    }
    const { subject, notAfter, daysLeft } = check.report;
    detail = `${subject}, expires ${notAfter.slice(0, 10)} (${daysLeft} days left), matches its key`;
    warnings = check.findings
      .filter((finding) => finding.level === 'warning')
      .map((finding) => `${finding.message} ${finding.hint}`);
    context.secureContext = await createTargetContext(context.target);
  } catch (error) {
    return fail(
      'local-certificate',
      describeError(error).split('\n')[0]!,
      describeError(error).split('\n').slice(1).join(' ').trim() || 'Check the target settings.',
      ms(),
    );
  }
  if (warnings.length > 0) return { status: 'warn', detail, hint: warnings.join(' '), ms: ms() };
  return { status: 'pass', detail, ms: ms() };
};
