import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { PROJECT_ROOT } from '../../lib/paths.js';

interface CliRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `cdlx` as a user would, with a clean set of target settings. */
function cdlx(args: string[]): Promise<CliRun> {
  const tsx = path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, 'scripts/cdlx.ts', ...args], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, CDLX_ENV_FILE: 'none' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test.describe('cdlx doctor', () => {
  test('prints a line per step, the verdict, and exits 1 when nothing listens', async () => {
    const port = await closedPort();

    const run = await cdlx(['doctor', '--target', 'mock', '--url', `https://127.0.0.1:${port}`]);

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^FAIL {2}TCP connect +nothing is listening on 127\.0\.0\.1:\d+/m);
    expect(run.stdout).toMatch(/^---- {2}startSession +not run: an earlier step failed$/m);
    expect(run.stdout).toContain('Verdict: FAILED (server-down)');
    expect(run.stdout).toContain('Exit code 1.');
  });

  test('--json gives CI the verdict code and every step', async () => {
    const port = await closedPort();

    const run = await cdlx([
      'doctor',
      '--target',
      'mock',
      '--url',
      `https://127.0.0.1:${port}`,
      '--json',
    ]);

    const report = JSON.parse(run.stdout) as {
      verdict: string;
      exitCode: number;
      steps: unknown[];
    };
    expect(report).toMatchObject({ verdict: 'server-down', exitCode: 1 });
    expect(report.steps).toHaveLength(7);
  });

  test('names every missing variable of an unconfigured target', async () => {
    const run = await cdlx(['doctor', '--target', 'prod']);

    expect(run.exitCode).toBe(1);
    for (const variable of [
      'CDLX_PROD_URL',
      'CDLX_PROD_CERT',
      'CDLX_PROD_KEY',
      'CDLX_PROD_CUSTOMER_ID',
    ]) {
      expect(run.stderr).toContain(`${variable} is not set`);
    }
  });

  test('refuses --url for a real target as wrong usage', async () => {
    const run = await cdlx(['doctor', '--target', 'preprod', '--url', 'https://127.0.0.1:1']);

    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--url is for --target mock');
  });
});
