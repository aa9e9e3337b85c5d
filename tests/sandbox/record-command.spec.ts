import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';

import { expect, test as base } from '@playwright/test';
import { request } from 'undici';

import type { DriftReport } from '../../lib/drift/drift-log.js';
import { startDriftRecorder } from '../../lib/drift/recorder.js';
import { CERTS_DIR, PROJECT_ROOT } from '../../lib/paths.js';
import { ensureLocalPki, type LocalPkiPaths } from '../../lib/pki/local-pki.js';
import {
  DRIFT,
  STAND_IN_SESSION_TOKEN,
  startDriftingStandIn,
  unreachableTarget,
  type DriftingStandIn,
} from './support/drifting-stand-in.js';

/** A session token the "application" sends through the recorder; no report may show it. */
const APP_SESSION_TOKEN = 'app-session-token-3f9c2a71b8';
/** Generous for a tsx start on a loaded 2-core machine; the command needs well under a second. */
const START_TIMEOUT_MS = 30_000;

const test = base.extend<{ pki: LocalPkiPaths; standIn: DriftingStandIn; outDir: string }>({
  pki: async ({}, use) => {
    await use((await ensureLocalPki(CERTS_DIR)).paths);
  },
  standIn: async ({ pki }, use) => {
    const standIn = await startDriftingStandIn(pki);
    await use(standIn);
    await standIn.close();
  },
  outDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cdlx-drift-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

/** The preprod variables pointing at the stand-in, with the local PKI's client identity. */
function preprodEnv(standIn: DriftingStandIn, pki: LocalPkiPaths): NodeJS.ProcessEnv {
  return {
    // Only these settings: a .env.cdlx left in the checkout must not change the run.
    CDLX_ENV_FILE: 'none',
    CDLX_PREPROD_URL: standIn.url,
    CDLX_PREPROD_CERT: pki.client.certPath,
    CDLX_PREPROD_KEY: pki.client.keyPath,
    CDLX_PREPROD_CA: pki.ca.certPath,
    CDLX_PREPROD_CUSTOMER_ID: 'cust-0001',
  };
}

async function sendThrough(proxyUrl: string): Promise<void> {
  const session = await request(`${proxyUrl}/v2/session/startSession`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sourceCustomerId: 'cust-0001', scopes: ['api:customer'] }),
  });
  await session.body.text();
  const ads = await request(`${proxyUrl}/v2/ads/getAds`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-cdlx-session-token': APP_SESSION_TOKEN,
      'x-cdlx-request-id': 'req-drift-1',
    },
    body: JSON.stringify({ channel: 'MobileApp' }),
  });
  const text = await ads.body.text();
  expect(ads.statusCode, text).toBe(200);
}

test.describe('cdlx record', () => {
  test('against a drifting stand-in writes a report listing the extra field, the new enum value and the wrong type', async ({
    standIn,
    pki,
    outDir,
  }) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/cdlx.ts',
        'record',
        '--target',
        'preprod',
        '--port',
        '0',
        '--out',
        outDir,
      ],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, ...preprodEnv(standIn, pki) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const proxyUrl = await firstLine(child, START_TIMEOUT_MS);
      await sendThrough(proxyUrl);
      child.kill('SIGINT');
      expect(await exited).toBe(1);
    } finally {
      child.kill('SIGKILL');
    }

    const report = JSON.parse(
      await readFile(path.join(outDir, 'drift-report.json'), 'utf8'),
    ) as DriftReport;
    const markdown = await readFile(path.join(outDir, 'drift-report.md'), 'utf8');
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'unknown-field',
          field: `ads.*.${DRIFT.extraField}`,
          count: 2,
        }),
        expect.objectContaining({
          kind: 'unknown-enum-value',
          field: 'ads.*.reward.rewardType',
          detail: expect.stringContaining(`"${DRIFT.newEnumValue}"`),
        }),
        expect.objectContaining({
          kind: 'schema-violation',
          field: `ads.*.reward.${DRIFT.wrongTypeField}`,
          detail: 'must be number',
        }),
      ]),
    );
    for (const text of [DRIFT.extraField, DRIFT.newEnumValue, `reward.${DRIFT.wrongTypeField}`]) {
      expect(markdown).toContain(text);
    }
    const everything = JSON.stringify(report) + markdown;
    expect(everything).not.toContain(APP_SESSION_TOKEN);
    expect(everything).not.toContain(STAND_IN_SESSION_TOKEN);
    // The recorder presented the target's client identity upstream.
    expect(standIn.clientNames).toEqual(['cdlx mock client', 'cdlx mock client']);
  });

  test('counts requests the target does not answer apart from drift', async ({ pki }) => {
    const target = unreachableTarget(pki);
    const recorder = await startDriftRecorder({ target, port: 0, proxyCa: pki.ca });
    try {
      const response = await request(`${recorder.httpUrl}/healthcheck`);
      await response.body.text();

      expect(response.statusCode).toBe(502);
    } finally {
      await recorder.stop();
    }

    const report = recorder.log.report(target);
    expect(report.upstreamErrors.count).toBe(1);
    expect(report.upstreamErrors.example).toContain('ECONNREFUSED');
    expect(report.findings).toEqual([]);
  });
});

/** Resolves with the first line the command prints on stdout (the proxy URL). */
function firstLine(
  child: ChildProcessByStdio<null, Readable, Readable>,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(
      () => reject(new Error(`cdlx record printed no URL in ${timeoutMs} ms; stderr:\n${stderr}`)),
      timeoutMs,
    );
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline === -1) return;
      clearTimeout(timer);
      resolve(stdout.slice(0, newline).trim());
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(`cdlx record exited with ${code} before printing its URL; stderr:\n${stderr}`),
      );
    });
  });
}
