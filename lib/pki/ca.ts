import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { CdlxError } from '../errors.js';
import { writePrivateFile, writePublicFile } from '../fs-secure.js';
import { fileExists } from '../paths.js';
import { crlPathFor, writeEmptyCrl } from './ca-revoke.js';
import { issueCertificate, type Issuer } from './certificates.js';
import { generateRsaKeyPair, isSameKeyPair } from './keys.js';
import type { NameField } from './names.js';
import { describeWriteFailure } from './write-material-file.js';

export interface CaPaths {
  certPath: string;
  keyPath: string;
}

export interface CertificateAuthority extends Issuer, CaPaths {}

/** File names `cdlx ca init --dir DIR` uses inside DIR. */
export function caPathsInDir(dir: string): CaPaths {
  return { certPath: path.join(dir, 'ca.crt'), keyPath: path.join(dir, 'ca.key') };
}

export interface CreateCaOptions {
  subject: readonly NameField[];
  validityDays: number;
  keySizeBits?: number;
}

/** Creates a self-signed root CA (pathLen 0: it signs leaves only) and writes it to `paths`. */
export async function createCa(
  paths: CaPaths,
  options: CreateCaOptions,
): Promise<CertificateAuthority> {
  const keys = await generateRsaKeyPair(options.keySizeBits ?? 2048);
  const certPem = issueCertificate({
    subject: options.subject,
    publicKeyPem: keys.publicKeyPem,
    selfKeyPem: keys.privateKeyPem,
    validityDays: options.validityDays,
    isCa: true,
    pathLength: 0,
  });
  await writePrivateFile(paths.keyPath, keys.privateKeyPem);
  await writePublicFile(paths.certPath, certPem);
  return { ...paths, certPem, keyPem: keys.privateKeyPem };
}

/** Reads a CA written by `createCa`; a missing or unreadable file is a clear error. */
export async function loadCa(paths: CaPaths): Promise<CertificateAuthority> {
  const [certPem, keyPem] = await Promise.all([
    readCaFile(paths.certPath, 'certificate'),
    readCaFile(paths.keyPath, 'private key'),
  ]);
  return { ...paths, certPem, keyPem };
}

async function readCaFile(filePath: string, what: string): Promise<string> {
  try {
    return await readFile(filePath, 'utf8');
  } catch (error) {
    throw new CdlxError('CDLX_CA_MISSING', `Cannot read the CA ${what} ${filePath}.`, {
      hint: 'Create the CA first with `npm run cdlx -- ca init --dir <dir>`.',
      cause: error,
    });
  }
}

/**
 * The rehearsal CA's default name says what it is, so nobody mistakes it for Cardlytics' CA.
 */
export const SIGNING_CA_DEFAULT_NAME = 'cdlx-contract rehearsal CA - NOT FOR PRODUCTION';
/** A year covers a go-live project; a rehearsal CA that lives longer is one nobody remembers. */
export const SIGNING_CA_VALIDITY_DAYS = 365;

export interface InitCaOptions {
  /** The CA's common name. */
  name?: string;
  validityDays?: number;
  /** Replace a CA that is already there. */
  force?: boolean;
}

export interface InitCaResult extends CaPaths {
  /** Its revocation list (`ca.crl`), empty when new; `cdlx ca revoke` adds to it. */
  crlPath: string;
  /** false when a sound CA was already in the folder and nothing was written. */
  created: boolean;
}

/**
 * Creates a signing CA in `dir` (`ca.crt`, `ca.key` 0600, an empty `ca.crl`) unless one is already
 * there: running it twice changes nothing. A half-present or mismatched CA is an error; `force`
 * replaces it.
 *
 * @example await initCa('rehearsal-ca', { name: 'Example Bank rehearsal CA' })
 */
export async function initCa(dir: string, options: InitCaOptions = {}): Promise<InitCaResult> {
  const paths = caPathsInDir(dir);
  if (!options.force) {
    const state = await existingCaState(paths);
    if (state === 'sound') return { ...paths, crlPath: crlPathFor(paths), created: false };
    if (state !== 'absent') {
      throw new CdlxError('CDLX_CA_BROKEN', `${dir} holds a CA that cannot be used: ${state}.`, {
        hint: 'Add --force to replace it with a new CA (certificates it signed will stop chaining).',
      });
    }
  }
  let crlPath: string;
  try {
    const ca = await createCa(paths, {
      subject: [
        { shortName: 'O', value: 'cdlx-contract' },
        { shortName: 'CN', value: options.name ?? SIGNING_CA_DEFAULT_NAME },
      ],
      validityDays: options.validityDays ?? SIGNING_CA_VALIDITY_DAYS,
    });
    // A server that checks revocation needs a list for every CA it trusts, even an empty one.
    crlPath = await writeEmptyCrl(ca);
  } catch (error) {
    throw describeWriteFailure(paths.keyPath, error);
  }
  return { ...paths, crlPath, created: true };
}

/** 'absent', 'sound', or what is wrong with the CA in place. */
async function existingCaState(paths: CaPaths): Promise<string> {
  const [hasCert, hasKey] = await Promise.all([
    fileExists(paths.certPath),
    fileExists(paths.keyPath),
  ]);
  if (!hasCert && !hasKey) return 'absent';
  if (!hasCert)
    return `${path.basename(paths.keyPath)} is there without ${path.basename(paths.certPath)}`;
  if (!hasKey)
    return `${path.basename(paths.certPath)} is there without ${path.basename(paths.keyPath)}`;
  try {
    const ca = await loadCa(paths);
    const cert = new X509Certificate(ca.certPem);
    if (!isSameKeyPair(cert.publicKey, createPrivateKey(ca.keyPem))) {
      return 'its certificate and key do not belong together';
    }
  } catch {
    return 'its certificate or key does not parse';
  }
  return 'sound';
}
