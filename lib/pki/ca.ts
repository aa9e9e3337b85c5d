import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { CdlxError } from '../errors.js';
import { writePrivateFile, writePublicFile } from '../fs-secure.js';
import { issueCertificate, type Issuer } from './certificates.js';
import { generateRsaKeyPair } from './keys.js';
import type { NameField } from './names.js';

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
