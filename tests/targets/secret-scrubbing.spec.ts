import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { expect } from '@playwright/test';

import { createPkcs12 } from '../../lib/pki/pkcs12.js';
import { readCertificateFile, readPrivateKeyFile } from '../../lib/pki/read-material.js';
import { childEnv } from '../../lib/rehearsal/child-env.js';
import { runPlaywrightProject } from '../../lib/rehearsal/playwright-run.js';
import { findSecrets } from '../../lib/reporting/artefact-scan.js';
import { startStandIn } from '../../mock-server/stand-in.js';
import { test } from '../doctor/vendor-fixtures.js';

test.describe('secrets in the artefacts of a prod run', () => {
  // A whole Playwright run in a child process, on a 2-core machine that may be busy.
  test.describe.configure({ timeout: 120_000 });

  test('no report, result file or console output holds a session token, the passphrase or the PFX path, even when a request fails mid-way', async ({
    dir,
    vendorCaDir,
    vendorClient,
  }) => {
    // A PFX with a passphrase, as a CI job would get it from its secrets.
    const passphrase = randomBytes(18).toString('base64url');
    const pfxPath = path.join(dir, 'prod.pfx');
    const [{ certificate }, privateKey] = await Promise.all([
      readCertificateFile(vendorClient.certPath),
      readPrivateKeyFile(vendorClient.keyPath),
    ]);
    await writeFile(pfxPath, createPkcs12({ certificate, privateKey, passphrase }), {
      mode: 0o600,
    });
    // getAds connections are cut mid-request: Playwright's error then lists the request
    // headers, session token included (microsoft/playwright#22353). That is the leak to stop.
    const standIn = await startStandIn({ env: 'prod', caDir: vendorCaDir });
    standIn.server.prependListener('request', (request) => {
      if (request.url?.startsWith('/v2/ads/getAds')) request.socket.destroy();
    });
    const reportsDir = path.join(dir, 'reports');

    let run;
    try {
      run = await runPlaywrightProject(
        'prod',
        childEnv({
          CDLX_PROD_URL: standIn.url,
          CDLX_PROD_CA: standIn.caCertPath,
          CDLX_PROD_PFX: pfxPath,
          CDLX_PROD_PFX_PASSPHRASE: passphrase,
          CDLX_PROD_CUSTOMER_ID: standIn.knownGoodCustomerId,
          CDLX_REPORTS_DIR: reportsDir,
        }),
      );
    } finally {
      await standIn.close();
    }

    expect(run.exitCode, 'the getAds step must fail, or the leak was not provoked').toBe(1);
    const results = await readFile(path.join(reportsDir, 'results.json'), 'utf8');
    expect(results).toMatch(/x-cdlx-session-token: \[redacted\]/i);
    const tokens = standIn.issuedTokens();
    expect(tokens.length).toBeGreaterThan(0);
    const sightings = await findSecrets(
      [reportsDir],
      [
        ...tokens.map((value, index) => ({ label: `session token ${index + 1}`, value })),
        { label: 'passphrase', value: passphrase },
        { label: 'PFX path', value: pfxPath },
      ],
      [
        { where: 'stdout', text: run.stdout },
        { where: 'stderr', text: run.stderr },
      ],
    );
    expect(sightings).toEqual([]);
  });
});
