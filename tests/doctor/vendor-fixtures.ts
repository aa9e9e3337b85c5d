import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { test as base } from '@playwright/test';

import { caPathsInDir, createCa, initCa, loadCa } from '../../lib/pki/ca.js';
import { createIdentity, writeIdentity, type IdentityPaths } from '../../lib/pki/identity.js';
import type { Target } from '../../lib/targets/target.js';
import { startStandIn, type StandIn, type StandInOptions } from '../../mock-server/stand-in.js';

/** Longer than the month `cert inspect` warns about, so a sound identity gets no warning. */
const CLIENT_LEAF = {
  validityDays: 90,
  keyUsage: ['digitalSignature', 'keyEncipherment'],
  extendedKeyUsage: ['clientAuth'],
} as const;

export interface VendorFixtures {
  /** A temporary folder, removed after the test. */
  dir: string;
  /** Folder of the vendor CA (ca.crt, ca.key), as `cdlx ca init` makes it. */
  vendorCaDir: string;
  /** A client identity the vendor CA signed. */
  vendorClient: IdentityPaths;
  /** A client identity signed by some other CA. */
  strangerClient: IdentityPaths;
  /** Starts a pre-prod stand-in (closed after the test). */
  startPreprod: (options?: Partial<StandInOptions>) => Promise<StandIn>;
}

/** Stand-ins and the identities to present to them, in a temporary folder per test. */
export const test = base.extend<VendorFixtures>({
  dir: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cdlx-doctor-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  vendorCaDir: async ({ dir }, use) => {
    const caDir = path.join(dir, 'vendor-ca');
    await initCa(caDir, { name: 'cdlx test vendor CA' });
    await use(caDir);
  },
  vendorClient: async ({ dir, vendorCaDir }, use) => {
    const ca = await loadCa(caPathsInDir(vendorCaDir));
    const identity = await createIdentity(ca, {
      ...CLIENT_LEAF,
      subject: [{ shortName: 'CN', value: 'UAT' }],
    });
    const paths = { certPath: path.join(dir, 'client.crt'), keyPath: path.join(dir, 'client.key') };
    await writeIdentity(identity, paths);
    await use(paths);
  },
  strangerClient: async ({ dir }, use) => {
    const other = await createCa(caPathsInDir(path.join(dir, 'other-ca')), {
      subject: [{ shortName: 'CN', value: 'cdlx some other CA' }],
      validityDays: 2,
    });
    const identity = await createIdentity(other, {
      ...CLIENT_LEAF,
      subject: [{ shortName: 'CN', value: 'stranger' }],
    });
    const paths = {
      certPath: path.join(dir, 'stranger.crt'),
      keyPath: path.join(dir, 'stranger.key'),
    };
    await writeIdentity(identity, paths);
    await use(paths);
  },
  startPreprod: async ({ vendorCaDir }, use) => {
    const started: StandIn[] = [];
    await use(async (options = {}) => {
      const standIn = await startStandIn({ env: 'preprod', caDir: vendorCaDir, ...options });
      started.push(standIn);
      return standIn;
    });
    await Promise.all(started.map((standIn) => standIn.close()));
  },
});

/** The preprod target a publisher would configure for `standIn`, presenting `client`. */
export function preprodTarget(
  standIn: { url: string; caCertPath: string; knownGoodCustomerId: string },
  client: IdentityPaths,
  overrides: Partial<Target> = {},
): Target {
  return {
    name: 'preprod',
    baseURL: standIn.url,
    identity: { kind: 'pem', certPath: client.certPath, keyPath: client.keyPath },
    extraCaPaths: [standIn.caCertPath],
    knownGoodCustomerId: standIn.knownGoodCustomerId,
    institutionId: undefined,
    ...overrides,
  };
}
