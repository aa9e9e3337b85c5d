import { InvalidArgumentError, Option, type Command } from 'commander';

import { EXIT_PROBLEM, printJson } from '../../lib/cli/output.js';
import { DEFAULT_MOCK_URL, resolveDoctorTarget } from '../../lib/doctor/doctor-target.js';
import { formatStep, formatVerdict } from '../../lib/doctor/format-report.js';
import { DEFAULT_STEP_TIMEOUT_MS, runDoctor } from '../../lib/doctor/run-doctor.js';
import type { TargetName } from '../../lib/targets/target.js';

interface DoctorCommandOptions {
  target: TargetName;
  url?: string;
  timeout: number;
  localAddress?: string;
  json?: boolean;
}

export function registerDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description('Explain, step by step, whether this machine can reach a target over mTLS')
    .addOption(
      new Option('--target <name>', 'what to check')
        .choices(['mock', 'preprod', 'prod'])
        .makeOptionMandatory(),
    )
    .option(
      '--url <url>',
      `URL of a running mock (--target mock only; default ${DEFAULT_MOCK_URL})`,
    )
    .addOption(
      new Option('--timeout <ms>', 'limit for each step in milliseconds')
        .default(DEFAULT_STEP_TIMEOUT_MS)
        .argParser(parseTimeout),
    )
    .option(
      '--local-address <address>',
      'source address to connect from (one of several interfaces)',
    )
    .option('--json', 'print the report as JSON on stdout (for CI)')
    .addHelpText(
      'after',
      [
        '',
        'Steps: client certificate, DNS, TCP connect, TLS handshake, client certificate accepted,',
        'GET /healthcheck, startSession. Exit code 0 when every step passes, 1 otherwise.',
        '',
        'Examples:',
        '  npm run cdlx -- doctor --target mock',
        '  npm run cdlx -- doctor --target preprod --json > doctor.json',
      ].join('\n'),
    )
    .exitOverride()
    .action(async (options: DoctorCommandOptions) => {
      const target = resolveDoctorTarget(options.target, {
        ...(options.url === undefined ? {} : { url: options.url }),
      });
      if (!options.json) process.stdout.write(`cdlx doctor: ${target.name} at ${target.baseURL}\n`);
      const report = await runDoctor({
        target,
        timeoutMs: options.timeout,
        ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
        ...(options.json
          ? {}
          : { onStep: (step) => process.stdout.write(`${formatStep(step)}\n`) }),
      });
      if (options.json) printJson({ ...report, exitCode: report.ok ? 0 : EXIT_PROBLEM });
      else process.stdout.write(`${formatVerdict(report)}\n`);
      if (!report.ok) process.exitCode = EXIT_PROBLEM;
    });
}

function parseTimeout(value: string): number {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 100 || ms > 120_000) {
    throw new InvalidArgumentError('Use a whole number of milliseconds from 100 to 120000.');
  }
  return ms;
}
