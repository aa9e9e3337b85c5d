import { spawn } from 'node:child_process';

import { PROJECT_ROOT } from '../paths.js';

export interface PlaywrightRun {
  project: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** A child run that hangs (a stuck stand-in, a deadlock) is stopped after this long. */
const RUN_TIMEOUT_MS = 180_000;

/**
 * Runs `npx playwright test --project=<project>` as a child process in the checkout, with
 * exactly `env`, and collects its output. Resolves when it exits (or is stopped at the limit).
 */
export function runPlaywrightProject(
  project: string,
  env: NodeJS.ProcessEnv,
  extraArgs: readonly string[] = [],
): Promise<PlaywrightRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['playwright', 'test', `--project=${project}`, ...extraArgs], {
      cwd: PROJECT_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), RUN_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        project,
        exitCode: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        ms: Math.round(performance.now() - started),
      });
    });
  });
}
