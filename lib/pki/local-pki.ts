import { X509Certificate } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { PRIVATE_FILE_MODE, writePublicFile } from '../fs-secure.js';
import type { CaPaths } from './ca.js';
import { issueCertificate, type CertificateRequest, type Issuer } from './certificates.js';
import { issueCrl, parseCrl } from './crl.js';
import { writeIdentity, type IdentityPaths } from './identity.js';
import { generateRsaKeyPair, type KeyPairPem } from './keys.js';

/**
 * Short lifetimes keep a leaked test key harmless; the kit renews everything when a certificate
 * has fewer than RENEW_BEFORE_DAYS left, so nobody has to think about it.
 */
export const LOCAL_CA_VALIDITY_DAYS = 90;
export const LOCAL_LEAF_VALIDITY_DAYS = 30;
export const RENEW_BEFORE_DAYS = 7;
/** RSA 2048: what createCa and createIdentity use by default, and the NIST SP 800-57 floor. */
const LOCAL_KEY_SIZE_BITS = 2048;

/** The subject says what the CA is, so nobody mistakes it for a real one. */
export const LOCAL_CA_COMMON_NAME = 'cdlx-contract LOCAL TEST CA - NOT FOR PRODUCTION';

export interface LocalPkiPaths {
  dir: string;
  ca: CaPaths;
  /** The local CA's revocation list: empty, but the mock checks revocation, so it must exist. */
  crlPath: string;
  server: IdentityPaths;
  client: IdentityPaths;
  admin: IdentityPaths;
}

export interface LocalPkiResult {
  paths: LocalPkiPaths;
  /** false when everything was already in place and valid: nothing was written. */
  created: boolean;
  /** Why the material was (re)created, for the one line the caller prints. */
  reason: string;
}

export function localPkiPaths(dir: string): LocalPkiPaths {
  const pair = (name: string): IdentityPaths => ({
    certPath: path.join(dir, `${name}.crt`),
    keyPath: path.join(dir, `${name}.key`),
  });
  const ca = pair('local-ca');
  return {
    dir,
    ca,
    crlPath: path.join(dir, 'local-ca.crl'),
    server: pair('mock-server'),
    client: pair('mock-client'),
    admin: pair('mock-admin'),
  };
}

/**
 * Creates the local CA, the mock's server certificate and the mock client identities in `dir`,
 * unless valid ones are already there. Safe to run any number of times.
 */
export async function ensureLocalPki(dir: string): Promise<LocalPkiResult> {
  const paths = localPkiPaths(dir);
  const problem = await findProblem(paths);
  if (problem === null) return { paths, created: false, reason: 'already in place' };

  // All four RSA keys are generated up front and at once: node:crypto runs each on the libuv
  // thread pool, so on two cores the CA's key no longer waits alone before the three leaf keys.
  const newKey = (): Promise<KeyPairPem> => generateRsaKeyPair(LOCAL_KEY_SIZE_BITS);
  const [caKeys, serverKeys, clientKeys, adminKeys] = await Promise.all([
    newKey(),
    newKey(),
    newKey(),
    newKey(),
  ]);
  // The same certificate createCa (ca.ts) makes: self-signed, pathLen 0 (it signs leaves only).
  const ca: Issuer = {
    keyPem: caKeys.privateKeyPem,
    certPem: issueCertificate({
      subject: [
        { shortName: 'O', value: 'cdlx-contract' },
        { shortName: 'CN', value: LOCAL_CA_COMMON_NAME },
      ],
      publicKeyPem: caKeys.publicKeyPem,
      selfKeyPem: caKeys.privateKeyPem,
      validityDays: LOCAL_CA_VALIDITY_DAYS,
      isCa: true,
      pathLength: 0,
    }),
  };
  const leafBase = {
    validityDays: LOCAL_LEAF_VALIDITY_DAYS,
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    issuer: ca,
  } as const;
  const leaf = (
    keys: KeyPairPem,
    request: Omit<CertificateRequest, 'publicKeyPem' | 'validityDays' | 'issuer'>,
  ) => ({
    keyPem: keys.privateKeyPem,
    certPem: issueCertificate({ ...leafBase, ...request, publicKeyPem: keys.publicKeyPem }),
  });
  const server = leaf(serverKeys, {
    subject: [{ shortName: 'CN', value: 'cdlx mock server' }],
    extendedKeyUsage: ['serverAuth'],
    dnsNames: ['localhost'],
    ipAddresses: ['127.0.0.1', '::1'],
  });
  const client = leaf(clientKeys, {
    subject: [
      { shortName: 'O', value: 'cdlx-contract' },
      { shortName: 'CN', value: 'cdlx mock client' },
    ],
    extendedKeyUsage: ['clientAuth'],
  });
  const admin = leaf(adminKeys, {
    subject: [
      { shortName: 'O', value: 'cdlx-contract' },
      { shortName: 'CN', value: 'cdlx mock admin' },
    ],
    extendedKeyUsage: ['clientAuth'],
  });

  // The CA first, as before: a run cut short leaves no CA or a CA without its leaves, and the
  // next run makes everything anew either way.
  await writeIdentity(ca, paths.ca);
  await Promise.all([
    writePublicFile(paths.crlPath, issueCrl(ca)),
    writeIdentity(server, paths.server),
    writeIdentity(client, paths.client),
    writeIdentity(admin, paths.admin),
  ]);
  return { paths, created: true, reason: problem };
}

/** Returns why the material must be (re)created, or null when it is complete and valid. */
async function findProblem(paths: LocalPkiPaths): Promise<string | null> {
  let ca: X509Certificate;
  try {
    ca = new X509Certificate(await readFile(paths.ca.certPath));
    await readFile(paths.ca.keyPath);
  } catch {
    return 'no local CA yet';
  }
  const renewBefore = Date.now() + RENEW_BEFORE_DAYS * 24 * 3600 * 1000;
  if (Date.parse(ca.validTo) < renewBefore) return 'the local CA expires soon';
  try {
    parseCrl(await readFile(paths.crlPath), ca.toString());
  } catch {
    return `${path.basename(paths.crlPath)} is missing or was not issued by the current local CA`;
  }

  for (const identity of [paths.server, paths.client, paths.admin]) {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(await readFile(identity.certPath));
      const keyStat = await stat(identity.keyPath);
      if ((keyStat.mode & 0o777) !== PRIVATE_FILE_MODE) return `${identity.keyPath} is not 0600`;
    } catch {
      return `${path.basename(identity.certPath)} or its key is missing`;
    }
    if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) {
      return `${path.basename(identity.certPath)} was not signed by the current local CA`;
    }
    if (Date.parse(cert.validTo) < renewBefore)
      return `${path.basename(identity.certPath)} expires soon`;
  }
  return null;
}
