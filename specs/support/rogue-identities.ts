import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { CERTS_DIR } from '../../lib/paths.js';
import { createCa, loadCa } from '../../lib/pki/ca.js';
import { createIdentity, writeIdentity, type IdentityPaths } from '../../lib/pki/identity.js';
import { localPkiPaths } from '../../lib/pki/local-pki.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Client identities a server must refuse, written to a temporary folder. */
export interface RogueIdentities {
  /** Signed by a CA the server has never seen. */
  otherCa: IdentityPaths;
  /** Signed by the local CA, but expired yesterday. */
  expired: IdentityPaths;
  dispose(): Promise<void>;
}

/** Creates the rogue identities; the expired one needs the local CA, so only the mock can use it. */
export async function createRogueIdentities(): Promise<RogueIdentities> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cdlx-rogue-'));
  const clientLeaf = {
    subject: [{ shortName: 'CN', value: 'cdlx rogue client' }],
    extendedKeyUsage: ['clientAuth'],
    keyUsage: ['digitalSignature', 'keyEncipherment'],
  } as const;

  const otherCa = await createCa(
    { certPath: path.join(dir, 'other-ca.crt'), keyPath: path.join(dir, 'other-ca.key') },
    { subject: [{ shortName: 'CN', value: 'cdlx some other CA' }], validityDays: 2 },
  );
  const localCa = await loadCa(localPkiPaths(CERTS_DIR).ca);
  const [fromOtherCa, expired] = await Promise.all([
    createIdentity(otherCa, { ...clientLeaf, validityDays: 2 }),
    createIdentity(localCa, {
      ...clientLeaf,
      validityDays: 30,
      notBefore: new Date(Date.now() - 31 * DAY_MS),
    }),
  ]);
  const paths = {
    otherCa: { certPath: path.join(dir, 'other.crt'), keyPath: path.join(dir, 'other.key') },
    expired: { certPath: path.join(dir, 'expired.crt'), keyPath: path.join(dir, 'expired.key') },
  };
  await Promise.all([
    writeIdentity(fromOtherCa, paths.otherCa),
    writeIdentity(expired, paths.expired),
  ]);
  return { ...paths, dispose: () => rm(dir, { recursive: true, force: true }) };
}
