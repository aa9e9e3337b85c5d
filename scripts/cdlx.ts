/**
 * The kit's one command line: `npm run cdlx -- <command> [options]`.
 *
 * Exit codes: 0 all good, 1 the material or the connection has a problem, 2 the command was used
 * wrongly. Errors are one clear message with what to do next, never a bare stack trace.
 */
import { Command, CommanderError } from 'commander';

import { printError, EXIT_PROBLEM, EXIT_USAGE } from '../lib/cli/output.js';
import { CdlxError, UsageError, describeError } from '../lib/errors.js';
import { allowWorldWritableDirectories } from '../lib/fs-secure.js';
import { registerCommands } from './commands/index.js';

function buildProgram(): Command {
  const program = new Command('cdlx')
    .description(
      'Contract tests, an mTLS mock and certificate tooling for the Cardlytics Publisher v2 API',
    )
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureHelp({ sortSubcommands: true })
    .option(
      '--allow-world-writable-dir',
      'let private keys and PFX files be written into folders every user can write to, /tmp included',
    )
    .hook('preAction', (command) => {
      if (command.opts<{ allowWorldWritableDir?: boolean }>().allowWorldWritableDir) {
        allowWorldWritableDirectories();
      }
    })
    // Commander's own usage errors get the same prefix as the kit's errors.
    .configureOutput({
      outputError: (text, write) => write(`cdlx Error: ${redactOptionValues(text)}`),
    });
  registerCommands(program);
  return program;
}

/**
 * Commander echoes an unknown `--flag=value` whole; the value might be a passphrase someone typed
 * on the command line by mistake, so it is never repeated.
 */
function redactOptionValues(text: string): string {
  return text.replace(/^error: /, '').replace(/(unknown option '[^'=]+=)[^']*'/, "$1…'");
}

async function main(argv: string[]): Promise<number | undefined> {
  // `npm run cdlx` starts in the checkout's root; relative paths the user typed are meant from the
  // folder they typed them in, which npm passes as INIT_CWD. Only when npm started us directly:
  // other processes inherit INIT_CWD from an outer `npm test` and mean their own folder.
  const isNpmScript = ['cdlx', 'mock'].includes(process.env.npm_lifecycle_event ?? '');
  if (isNpmScript && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  // Processes we start (a rehearsal runs cdlx again in its own folders) must not repeat that.
  delete process.env.INIT_CWD;
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return undefined;
  } catch (error) {
    return exitCodeFor(error);
  }
}

/** Maps any failure to its exit code, printing one clear message for it. */
function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // --help and --version also arrive here, with exit code 0.
    if (error.exitCode === 0) return 0;
    return EXIT_USAGE;
  }
  printError(describeError(error));
  if (process.env.CDLX_DEBUG && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  }
  if (error instanceof UsageError) return EXIT_USAGE;
  if (error instanceof CdlxError) return EXIT_PROBLEM;
  // An unexpected error is a bug in the kit: say so, and how to see the details.
  process.stderr.write(
    '  This looks like a bug in cdlx; run again with CDLX_DEBUG=1 to see where.\n',
  );
  return EXIT_PROBLEM;
}

// `cdlx … --help | head` closes the pipe early: the reader has all it wanted, so stop quietly
// instead of dying on an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const exitCode = await main(process.argv);
if (exitCode !== undefined) process.exitCode = exitCode;
