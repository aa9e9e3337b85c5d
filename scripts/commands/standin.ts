import { Option, type Command } from 'commander';

import { printNote } from '../../lib/cli/output.js';
import { UsageError } from '../../lib/errors.js';
import { displayPath } from '../../lib/paths.js';
import { variablePrefix, type RealTargetName } from '../../lib/targets/env-target.js';
import { DEFAULT_STAND_IN_CIDRS, startStandIn } from '../../mock-server/stand-in.js';

interface StandInCommandOptions {
  env: RealTargetName;
  caDir: string;
  allow: string[];
  port: string;
  host: string;
}

export function registerStandInCommand(program: Command): void {
  program
    .command('standin')
    .description(
      'Start a mock that plays pre-prod or prod: vendor CA, its own server certificate, allow-list',
    )
    .addOption(
      new Option('--env <env>', 'environment to play')
        .choices(['preprod', 'prod'])
        .makeOptionMandatory(),
    )
    .requiredOption('--ca-dir <dir>', 'vendor CA folder from `cdlx ca init --dir <dir>`')
    .addOption(
      new Option('--allow <cidr...>', 'source ranges allowed to connect').default([
        ...DEFAULT_STAND_IN_CIDRS,
      ]),
    )
    .addOption(new Option('--port <n>', 'port to listen on; 0 picks a free one').default('0'))
    .addOption(new Option('--host <address>', 'interface to bind').default('127.0.0.1'))
    .addHelpText(
      'after',
      [
        '',
        'The stand-in accepts client certificates signed by the vendor CA (`cdlx ca sign`) from',
        'allowed source addresses only; others are dropped before TLS, as a firewall would.',
        '',
        'Examples:',
        '  npm run cdlx -- ca init --dir vendor-ca',
        '  npm run cdlx -- standin --env preprod --ca-dir vendor-ca --allow 127.0.0.2/32',
      ].join('\n'),
    )
    .exitOverride()
    .action(async (options: StandInCommandOptions) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new UsageError(`--port ${options.port} is not a port number.`, {
          hint: 'Use 0 to 65535; 0 lets the system pick a free port.',
        });
      }
      const standIn = await startStandIn({
        env: options.env,
        caDir: options.caDir,
        allowedCidrs: options.allow,
        host: options.host,
        port,
      });
      const prefix = variablePrefix(options.env);
      // The URL goes to stdout so scripts can read it; everything else is a note.
      process.stdout.write(`${standIn.url}\n`);
      printNote(
        [
          `${options.env} stand-in listening on ${standIn.url}, admitting ${standIn.allowedCidrs.join(', ')} (Ctrl-C to stop).`,
          `Point the ${options.env} project at it with:`,
          `  ${prefix}_URL=${standIn.url}`,
          `  ${prefix}_CA=${displayPath(standIn.caCertPath)}`,
          `  ${prefix}_CUSTOMER_ID=${standIn.knownGoodCustomerId}`,
          `  ${prefix}_CERT=<certificate from \`cdlx ca sign\`>  ${prefix}_KEY=<its key>`,
        ].join('\n'),
      );
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          void standIn.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
