import { Option, type Command } from 'commander';

import {
  EXIT_PROBLEM,
  printError,
  printJson,
  printNote,
  printWarning,
} from '../../lib/cli/output.js';
import { UsageError } from '../../lib/errors.js';
import { displayPath } from '../../lib/paths.js';
import { lintCsrFiles, lintCsrs, PREPROD_COMMON_NAME } from '../../lib/pki/csr-lint.js';
import {
  assertCsrFilesAbsent,
  createKeyAndCsr,
  CSR_ENVIRONMENTS,
  csrPathsFor,
  resolveCsrSubject,
  type CsrEnvironment,
} from '../../lib/pki/csr.js';
import { formatFinding, hasErrors, type Finding } from '../../lib/pki/findings.js';
import { RSA_KEY_SIZES_BITS, type RsaKeySizeBits } from '../../lib/pki/keys.js';
import { parseSubject, type NameField } from '../../lib/pki/names.js';
import { parseCsr } from '../../lib/pki/parse-csr.js';
import { promptSubject } from '../../lib/pki/prompt-subject.js';
import { readCsrFile } from '../../lib/pki/read-material.js';

interface CsrOptions {
  env?: CsrEnvironment;
  subject?: string;
  keySize: string;
  out: string;
  force: boolean;
  json?: boolean;
}

export function registerCsrCommand(program: Command): void {
  const csr = program
    .command('csr')
    .description('Make a private key and a CSR for pre-prod or prod; `csr lint` checks CSRs')
    .addOption(
      new Option('--env <env>', 'environment the CSR is for (required)').choices(CSR_ENVIRONMENTS),
    )
    .option(
      '--subject <subject>',
      'openssl-style subject, e.g. "/C=US/O=Example Bank/CN=UAT"; asked for when left out',
    )
    .addOption(
      new Option('--key-size <bits>', 'RSA key size in bits')
        .choices(RSA_KEY_SIZES_BITS.map(String))
        .default('2048'),
    )
    .option('--out <dir>', 'folder for <env>.key and <env>.csr', '.')
    .option('--force', 'replace an existing key and CSR (the old key is lost)', false)
    .option('--json', 'print the report as JSON on stdout')
    .addHelpText(
      'after',
      [
        '',
        'Writes <dir>/<env>.key (private, mode 0600, never sent) and <dir>/<env>.csr (sent to',
        `Cardlytics). Pre-prod gets CN=${PREPROD_COMMON_NAME} when the subject has no CN.`,
        '',
        'Examples:',
        '  npm run cdlx -- csr --env preprod --out certs',
        '  npm run cdlx -- csr --env prod --out certs --key-size 4096 \\',
        '    --subject "/C=US/ST=Texas/L=Austin/O=Example Bank/OU=Rewards/CN=Example Bank Rewards"',
      ].join('\n'),
    )
    .exitOverride()
    .action(createCsr);

  csr
    .command('lint')
    .description("Check CSRs against Cardlytics' onboarding rules, and against each other")
    .argument('<files...>', 'CSR files, PEM or DER')
    .option('--json', 'print the report as JSON on stdout')
    .addHelpText(
      'after',
      ['', 'Example:', '  npm run cdlx -- csr lint certs/preprod.csr certs/prod.csr'].join('\n'),
    )
    .exitOverride()
    .action(lintCsrCommand);
}

async function createCsr(options: CsrOptions): Promise<void> {
  if (!options.env) {
    throw new UsageError('Say which environment the CSR is for.', {
      hint: 'Add --env preprod or --env prod.',
    });
  }
  const env = options.env;
  const paths = csrPathsFor(options.out, env);
  // Refuse before anyone types a subject in vain.
  await assertCsrFilesAbsent(paths, options.force);

  const given =
    options.subject === undefined ? await askForSubject(env) : parseSubject(options.subject);
  const subject = resolveCsrSubject(env, given);
  const created = await createKeyAndCsr({
    env,
    subject,
    keySizeBits: Number(options.keySize) as RsaKeySizeBits,
    dir: options.out,
    force: options.force,
  });
  // The new CSR passes every error check by construction; warnings (a pre-prod CN other than
  // UAT, an odd e-mail address) are still worth showing.
  const parsed = parseCsr(await readCsrFile(created.csrPath), displayPath(created.csrPath));
  const warnings = lintCsrs([{ file: displayPath(created.csrPath), csr: parsed }]);

  if (options.json) {
    printJson({ ...created, warnings });
    return;
  }
  printNote(
    `wrote ${displayPath(created.keyPath)} (RSA ${created.keySizeBits}-bit private key, mode 0600)`,
  );
  printNote(`wrote ${displayPath(created.csrPath)} (subject ${created.subject})`);
  printFindings(warnings);
  printNote(
    `next step: send ${displayPath(created.csrPath)} to Cardlytics; keep ${displayPath(created.keyPath)} here and never send it.`,
  );
}

async function askForSubject(env: CsrEnvironment): Promise<NameField[]> {
  if (!process.stdin.isTTY) {
    throw new UsageError('No --subject given, and there is no terminal to ask for one.', {
      hint: 'Add --subject "/C=US/ST=Texas/L=Austin/O=Example Bank/OU=Rewards/CN=UAT".',
    });
  }
  return promptSubject({
    input: process.stdin,
    output: process.stderr,
    terminal: true,
    defaults: env === 'preprod' ? { CN: PREPROD_COMMON_NAME } : {},
  });
}

async function lintCsrCommand(files: string[], options: { json?: boolean }): Promise<void> {
  const report = await lintCsrFiles(files);
  const failed = hasErrors(report.findings);
  if (options.json) {
    printJson({ ok: !failed, ...report });
  } else {
    printFindings(report.findings);
    const errors = report.findings.filter((f) => f.level === 'error').length;
    const warnings = report.findings.filter((f) => f.level === 'warning').length;
    const checked = `checked ${files.length} CSR${files.length === 1 ? '' : 's'}`;
    printNote(
      errors + warnings === 0
        ? `${checked}: no problems found.`
        : `${checked}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`,
    );
  }
  if (failed) process.exitCode = EXIT_PROBLEM;
}

/** One entry per finding, tagged with its level: errors, then warnings, then notes. */
export function printFindings(findings: readonly Finding[]): void {
  for (const level of ['error', 'warning', 'note'] as const) {
    const print = level === 'error' ? printError : level === 'warning' ? printWarning : printNote;
    for (const finding of findings.filter((f) => f.level === level)) print(formatFinding(finding));
  }
}
