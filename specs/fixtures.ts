import { test as base } from '@playwright/test';

import type { CdlxClient } from '../lib/client/cdlx-client.js';
import { TokenRegisteringClient } from '../lib/reporting/token-registering-client.js';
import { resolveEnvTarget } from '../lib/targets/env-target.js';
import { clientCertificatesFor, type Target, type TargetName } from '../lib/targets/target.js';
import { startLocalMock, type LocalMock } from '../mock-server/local-mock.js';
import { SEEDED_CUSTOMERS } from '../mock-server/state/default-seed.js';

export { expect } from '../lib/client/contract-matchers.js';

/** Set per project in playwright.config.ts. */
export interface TargetOptions {
  targetName: TargetName;
}

interface SpecFixtures {
  /** A fresh mock per test under the mock project (isolated state); undefined elsewhere. */
  mock: LocalMock | undefined;
  target: Target;
  /** The typed client, presenting the target's client certificate. */
  api: CdlxClient;
  /** A customer-scope session token for the target's known good customer. */
  customerToken: string;
}

export const test = base.extend<SpecFixtures & TargetOptions>({
  targetName: ['mock', { option: true }],

  mock: async ({ targetName }, use) => {
    if (targetName !== 'mock') return use(undefined);
    const mock = await startLocalMock();
    await use(mock);
    await mock.close();
  },

  target: async ({ targetName, mock }, use) => {
    if (targetName !== 'mock') return use(resolveEnvTarget(targetName));
    const { paths } = mock!.pki;
    await use({
      name: 'mock',
      baseURL: mock!.url,
      identity: { kind: 'pem', certPath: paths.client.certPath, keyPath: paths.client.keyPath },
      extraCaPaths: [paths.ca.certPath],
      knownGoodCustomerId: SEEDED_CUSTOMERS.KNOWN_GOOD,
      institutionId: mock!.state.institutionId,
    });
  },

  api: async ({ playwright, target }, use) => {
    const context = await playwright.request.newContext({
      baseURL: target.baseURL,
      clientCertificates: clientCertificatesFor(target),
    });
    // Registers session tokens so no report of the run shows them (lib/reporting/).
    await use(new TokenRegisteringClient(context));
    await context.dispose();
  },

  customerToken: async ({ api, target }, use) => {
    await use(await api.startCustomerSession(target.knownGoodCustomerId));
  },
});

/** Tags: `@golive` is the checklist prod runs; `@mock-only` needs the mock's data or state. */
export const GO_LIVE = '@golive';
export const MOCK_ONLY = '@mock-only';
