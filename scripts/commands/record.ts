import path from 'node:path';

import { InvalidArgumentError, Option, type Command } from 'commander';

import { EXIT_PROBLEM, printJson, printNote } from '../../lib/cli/output.js';
import type { DriftReport } from '../../lib/drift/drift-log.js';
import { CERTS_DIR, REPORTS_DIR, displayPath } from '../../lib/paths.js';
import { ensureLocalPki } from '../../lib/pki/local-pki.js';
import { loadEnvFile } from '../../lib/targets/env-file.js';
import { resolveEnvTarget, type RealTargetName } from '../../lib/targets/env-target.js';

/** A progress line every this many exchanges, so a long recording shows it is alive. */
const PROGRESS_EVERY = 100;

interface RecordOptions {
  target: RealTargetName;
  port: number;
  out: string;
  json?: boolean;
}

export function registerRecordCommand(program: Command): void {
  program
    .command('record')
    .description('Proxy traffic to pre-prod or prod and report where it drifts from the contract')
    .addOption(
      new Option('--target <name>', 'where to forward the traffic')
        .choices(['preprod', 'prod'])
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('--port <n>', 'loopback port to listen on; 0 picks a free one')
        .default(8080)
        .argParser(parsePort),
    )
    .addOption(
      new Option('--out <dir>', 'folder for drift-report.md and drift-report.json').default(
        path.join(REPORTS_DIR, 'drift'),
        displayPath(path.join(REPORTS_DIR, 'drift')),
      ),
    )
    .option('--json', 'also print the report as JSON on stdout')
    .addHelpText(
      'after',
      [
        '',
        'The recorder accepts connections from this machine only (plain HTTP, and HTTPS for',
        'localhost with a certificate from the local test CA) and forwards every request to the',
        "target with the target's client certificate (the CDLX_PREPROD_* or CDLX_PROD_* variables,",
        'or .env.cdlx). Point your application, or the specs, at it; Ctrl-C writes the report.',
        'Session tokens and secret-like fields never reach the report. Exit code 1 when drift was',
        'found or the target did not answer.',
        '',
        'Examples:',
        '  npm run cdlx -- record --target preprod --port 8080',
        '  CDLX_PREPROD_URL=https://localhost:8080 npx playwright test --project=preprod',
      ].join('\n'),
    )
    .exitOverride()
    .action(async (options: RecordOptions) => {
      loadEnvFile();
      const target = resolveEnvTarget(options.target);
      // Loaded here, not at the top: mockttp takes about two seconds to import, and every other
      // command of the CLI would pay for it at start.
      const { startDriftRecorder } = await import('../../lib/drift/recorder.js');
      const { writeDriftReport } = await import('../../lib/drift/write-report.js');
      const pki = await ensureLocalPki(CERTS_DIR);
      const recorder = await startDriftRecorder({
        target,
        port: options.port,
        proxyCa: pki.paths.ca,
        onExchange: (log) => {
          if (log.exchangeCount % PROGRESS_EVERY === 0) {
            printNote(
              `${log.exchangeCount} exchanges recorded, ${log.findingCount} distinct findings`,
            );
          }
        },
      });
      // The URL goes to stdout so scripts can read it; everything else is a note.
      process.stdout.write(`${recorder.httpUrl}\n`);
      printNote(
        [
          `recording exchanges with ${target.name} (${target.baseURL}) through ${recorder.httpUrl}`,
          `  and ${recorder.httpsUrl} (trust ${displayPath(pki.paths.ca.certPath)}); Ctrl-C writes the report.`,
        ].join('\n'),
      );

      await waitForStopSignal();
      await recorder.stop();
      const report = recorder.log.report(target);
      const written = await writeDriftReport(report, path.resolve(options.out));
      if (options.json) printJson(report);
      printNote(`${summarise(report)}; report in ${displayPath(written.markdownPath)}`);
      if (report.findings.length > 0 || report.upstreamErrors.count > 0) {
        process.exitCode = EXIT_PROBLEM;
      }
    });
}

function waitForStopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function summarise(report: DriftReport): string {
  const kinds = Object.entries(report.summary).map(([kind, count]) => `${count} ${kind}`);
  const drift =
    report.findings.length === 0
      ? 'no drift'
      : `${report.findings.length} findings (${kinds.join(', ')})`;
  const unanswered =
    report.upstreamErrors.count > 0
      ? `, ${report.upstreamErrors.count} not answered by the target`
      : '';
  return `recorded ${report.exchanges} exchanges with ${report.target}: ${drift}${unanswered}`;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('Use 0 to 65535; 0 lets the system pick a free port.');
  }
  return port;
}
