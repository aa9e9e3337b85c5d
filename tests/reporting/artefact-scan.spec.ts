import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { expect, test as base } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';

import { findSecrets } from '../../lib/reporting/artefact-scan.js';

const test = base.extend<{ dir: string }>({
  dir: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cdlx-scan-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

const SECRET = { label: 'token', value: 'tok-5f1e2d3c4b5a' };

test.describe('searching artefacts for secrets', () => {
  test('finds a secret in a plain file, in a nested folder', async ({ dir }) => {
    await mkdir(path.join(dir, 'a', 'b'), { recursive: true });
    await writeFile(path.join(dir, 'a', 'b', 'junit.xml'), `<failure>${SECRET.value}</failure>`);

    const sightings = await findSecrets([dir], [SECRET]);

    expect(sightings).toEqual([{ where: path.join(dir, 'a', 'b', 'junit.xml'), label: 'token' }]);
  });

  test('finds a secret stored as base64, at any alignment', async ({ dir }) => {
    for (const lead of ['', 'x', 'xy']) {
      const encoded = Buffer.from(`${lead}${SECRET.value}!`).toString('base64');
      await writeFile(path.join(dir, `body${lead.length}.json`), `{"body":"${encoded}"}`);
    }

    const sightings = await findSecrets([dir], [SECRET]);

    expect(sightings.map((s) => path.basename(s.where)).sort()).toEqual([
      'body0.json',
      'body1.json',
      'body2.json',
    ]);
  });

  test('looks inside the zip the HTML report embeds, and inside zips within it', async ({
    dir,
  }) => {
    const trace = zipSync({ 'trace.network': strToU8(`x-cdlx-session-token: ${SECRET.value}`) });
    const data = zipSync({ 'report.json': strToU8('{}'), 'data/trace.zip': trace });
    const html = `<script>window.playwrightReportBase64 = "data:application/zip;base64,${Buffer.from(data).toString('base64')}";</script>`;
    await writeFile(path.join(dir, 'index.html'), html);

    const sightings = await findSecrets([dir], [SECRET]);

    expect(sightings).toHaveLength(1);
    expect(sightings[0]!.where).toContain(
      'index.html (embedded report data) → data/trace.zip → trace.network',
    );
  });

  test('searches extra texts such as a run output, and reports nothing when all is clean', async ({
    dir,
  }) => {
    await writeFile(path.join(dir, 'results.json'), '{"status":"passed"}');

    expect(await findSecrets([dir], [SECRET], [{ where: 'stdout', text: 'ok' }])).toEqual([]);
    expect(
      await findSecrets([dir], [SECRET], [{ where: 'stdout', text: `token ${SECRET.value}` }]),
    ).toEqual([{ where: 'stdout', label: 'token' }]);
  });
});
