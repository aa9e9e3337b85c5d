import { MockAdminClient } from '../../lib/admin-client/mock-admin-client.js';
import { startLocalMock } from '../../mock-server/local-mock.js';
import { test as base } from '../fixtures.js';

export { MOCK_ONLY, expect } from '../fixtures.js';

interface SandboxFixtures {
  /** The admin API of this test's mock, called with the admin identity. */
  admin: MockAdminClient;
  /** An institution-scope session token (the data APIs need one). */
  institutionToken: string;
}

/**
 * The spec fixtures, with the mock started with its admin listener. Everything here drives the
 * mock's own state, so the specs that use it are tagged `@mock-only`.
 */
export const test = base.extend<SandboxFixtures>({
  mock: async ({ targetName }, use) => {
    if (targetName !== 'mock') return use(undefined);
    const mock = await startLocalMock({ admin: true });
    await use(mock);
    await mock.close();
  },

  admin: async ({ mock }, use) => {
    if (!mock?.admin) {
      throw new Error('The admin API exists on the mock only: tag this spec @mock-only.');
    }
    const { paths } = mock.pki;
    const admin = await MockAdminClient.connect({
      url: mock.admin.url,
      identity: paths.admin,
      caPaths: [paths.ca.certPath],
    });
    await use(admin);
    await admin.close();
  },

  institutionToken: async ({ api }, use) => {
    await use(await api.startInstitutionSession());
  },
});
