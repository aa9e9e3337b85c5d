import { EXIT_USAGE, printError } from '../cli/output.js';
import { UsageError, describeError } from '../errors.js';

/** Projects whose results may hold secrets until the redacting reporter has scrubbed them. */
const REAL_PROJECTS = new Set(['preprod', 'prod', 'preprod-setup', 'prod-setup']);

/**
 * Refuses `--reporter` on the command line for a preprod or prod run: Playwright then replaces
 * the configured reporters, the redacting one included, and a session token printed in an error
 * would reach the report unscrubbed. The configured reporters already write JUnit, HTML, JSON
 * and the switch-on summary to the reports folder.
 *
 * @example assertReportersKept(process.argv) // in playwright.config.ts
 */
export function assertReportersKept(argv: readonly string[]): void {
  const projects: string[] = [];
  let hasReporter = false;
  argv.forEach((arg, index) => {
    if (arg === '--reporter' || arg.startsWith('--reporter=')) hasReporter = true;
    if (arg === '--project') projects.push(argv[index + 1] ?? '');
    else if (arg.startsWith('--project=')) projects.push(arg.slice('--project='.length));
  });
  const real = projects.flatMap((value) => value.split(',')).filter((p) => REAL_PROJECTS.has(p));
  if (!hasReporter || real.length === 0) return;
  throw new UsageError(
    `--reporter would replace the reporter that keeps session tokens and passphrases out of the ${real.join(', ')} reports.`,
    {
      hint: 'Leave --reporter out: JUnit, HTML, JSON and the switch-on summary are written to CDLX_REPORTS_DIR (default reports/).',
    },
  );
}

/**
 * For playwright.config.ts: the same check, ending the run before it starts with the message and
 * exit code 2 (wrong usage), rather than Playwright's dump of a config error.
 */
export function exitIfReportersReplaced(argv: readonly string[]): void {
  try {
    assertReportersKept(argv);
  } catch (error) {
    printError(describeError(error));
    process.exit(EXIT_USAGE);
  }
}
