import { Option, type Command } from 'commander';

import { printNote } from '../../lib/cli/output.js';
import { UsageError } from '../../lib/errors.js';
import { displayPath } from '../../lib/paths.js';
import { DEFAULT_ALLOWED_CIDRS } from '../../mock-server/allow-list.js';
import { startLocalMock } from '../../mock-server/local-mock.js';
import {
  addTimeoutOptions,
  timeoutsFromOptions,
  type TimeoutOptions,
} from './mock-timeout-options.js';

export function registerMockCommand(program: Command): void {
  const command = program
    .command('mock')
    .description('Start the mTLS mock of the Publisher v2 API with the local test PKI')
    .addOption(new Option('--port <n>', 'port to listen on; 0 picks a free one').default('8443'))
    .addOption(new Option('--host <address>', 'interface to bind').default('127.0.0.1'))
    .addOption(
      new Option(
        '--admin-port <n>',
        'port of the admin API (reset, seed, faults, clock, journal); default: --port + 1, or any free port with --port 0',
      ),
    )
    .addOption(new Option('--no-admin', 'do not start the admin API'))
    .addOption(
      new Option('--allow <cidr...>', 'source ranges allowed to connect').default([
        ...DEFAULT_ALLOWED_CIDRS,
      ]),
    )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  npm run mock -- --port 0',
        '  npm run cdlx -- mock --port 9443 --admin-port 9444 --allow 127.0.0.1/32',
        '',
        'The admin API (docs/sandbox.md) answers the admin identity only, certs/mock-admin.crt.',
        'Set CDLX_DEBUG=mock to log each refused connection with its reason (docs/security-model.md).',
      ].join('\n'),
    )
    .exitOverride();
  addTimeoutOptions(command).action(async (options: MockOptions) => {
    const port = parsePort('--port', options.port);
    const adminPort =
      options.adminPort === undefined
        ? defaultAdminPort(port)
        : parsePort('--admin-port', options.adminPort);
    const mock = await startLocalMock({
      host: options.host,
      port,
      allowedCidrs: options.allow,
      admin: options.admin ? { port: adminPort } : false,
      timeouts: timeoutsFromOptions(options),
    });
    const { paths } = mock.pki;
    if (mock.pki.created) printNote(`created the local test PKI in ${displayPath(paths.dir)}`);
    // The URL goes to stdout so scripts can read it; everything else is a note.
    process.stdout.write(`${mock.url}\n`);
    if (mock.admin) process.stdout.write(`${mock.admin.url}\n`);
    const curl = (identity: { certPath: string; keyPath: string }): string =>
      `curl --cacert ${displayPath(paths.ca.certPath)} --cert ${displayPath(identity.certPath)} --key ${displayPath(identity.keyPath)}`;
    printNote(
      [
        `mock listening on ${mock.url} (Ctrl-C to stop); try:`,
        `  ${curl(paths.client)} ${mock.url}/healthcheck`,
        ...(mock.admin
          ? [
              `admin API on ${mock.admin.url} (docs/sandbox.md); try:`,
              `  ${curl(paths.admin)} ${mock.admin.url}/status`,
            ]
          : []),
      ].join('\n'),
    );
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        void mock.close().then(resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  });
}

interface MockOptions extends TimeoutOptions {
  port: string;
  host: string;
  allow: string[];
  admin: boolean;
  adminPort?: string;
}

/**
 * The port above the API's; with --port 0 the caller wants whatever is free, and a fixed admin
 * port could collide, so the admin API takes any free one too (as it does above 65534).
 */
function defaultAdminPort(port: number): number {
  return port === 0 || port === 65535 ? 0 : port + 1;
}

function parsePort(flag: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`${flag} ${value} is not a port number.`, {
      hint: 'Use 0 to 65535; 0 lets the system pick a free port.',
    });
  }
  return port;
}
