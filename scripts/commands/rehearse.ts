import type { Command } from 'commander';

import { EXIT_PROBLEM, printJson, printNote } from '../../lib/cli/output.js';
import { displayPath } from '../../lib/paths.js';
import { formatRehearsalSummary } from '../../lib/rehearsal/rehearsal-report.js';
import { runRehearsal } from '../../lib/rehearsal/run-rehearsal.js';

interface RehearseOptions {
  quiet?: boolean;
  keep?: boolean;
  json?: boolean;
}

export function registerRehearseCommand(program: Command): void {
  program
    .command('rehearse')
    .description('Rehearse the whole go-live offline, against pre-prod and prod stand-ins')
    .option('--quiet', 'no progress lines: print the summary only')
    .option('--keep', 'keep the temporary folder with the keys, CSRs and certificates')
    .option('--json', 'print the result as JSON on stdout')
    .addHelpText(
      'after',
      [
        '',
        'In a temporary folder: key and CSR per environment, lint, a vendor CA signs them, the',
        'certificates are inspected (prod as a PFX with a passphrase); then a pre-prod and a prod',
        'stand-in start, doctor checks each, and `npx playwright test --project=preprod|prod` run',
        'against them through the CDLX_PREPROD_* / CDLX_PROD_* variables. Reports go to',
        'reports/rehearsal/<env>/ (or $CDLX_REPORTS_DIR/rehearsal/<env>/), then every report and',
        'the run output are searched for the session tokens and the passphrase.',
        '',
        'Example:',
        '  npm run cdlx -- rehearse',
      ].join('\n'),
    )
    .exitOverride()
    .action(async (options: RehearseOptions) => {
      const result = await runRehearsal({
        ...(options.keep ? { keep: true } : {}),
        ...(options.quiet || options.json ? {} : { onProgress: (line) => printNote(line) }),
      });
      if (options.json) printJson(result);
      else process.stdout.write(`${formatRehearsalSummary(result)}\n`);
      if (options.keep) printNote(`kept the rehearsal material in ${displayPath(result.workDir)}`);
      if (!result.ok) process.exitCode = EXIT_PROBLEM;
    });
}
