import path from 'node:path';

import forge from 'node-forge';

import { CdlxError, UsageError } from '../errors.js';
import { fileExists } from '../paths.js';
import { PREPROD_COMMON_NAME } from './csr-lint.js';
import { generateRsaKeyPair, type KeyPairPem, type RsaKeySizeBits } from './keys.js';
import {
  formatSubject,
  getNameField,
  isSameSubject,
  toForgeAttributes,
  type NameField,
} from './names.js';
import { parseCsr } from './parse-csr.js';
import { readCsrFile } from './read-material.js';
import { signCertificationRequest } from './sign.js';
import { describeWriteFailure, writeMaterialFile } from './write-material-file.js';
import { writeNewPrivateFile } from './write-new-private-file.js';

/** The two environments Cardlytics signs a certificate for, each from its own CSR. */
export const CSR_ENVIRONMENTS = ['preprod', 'prod'] as const;
export type CsrEnvironment = (typeof CSR_ENVIRONMENTS)[number];

export interface CsrPaths {
  keyPath: string;
  csrPath: string;
}

/** `DIR/preprod.key` + `DIR/preprod.csr`, `DIR/prod.key` + `DIR/prod.csr`. */
export function csrPathsFor(dir: string, env: CsrEnvironment): CsrPaths {
  return { keyPath: path.join(dir, `${env}.key`), csrPath: path.join(dir, `${env}.csr`) };
}

/**
 * Completes and checks a subject for `env`: pre-prod gets CN=UAT when no CN is given (Cardlytics'
 * suggestion), the country must be a two-letter code (X.520 PrintableString of size 2, which
 * openssl enforces too), and the subject may not be empty.
 */
export function resolveCsrSubject(env: CsrEnvironment, fields: readonly NameField[]): NameField[] {
  const subject = [...fields];
  if (env === 'preprod' && getNameField(subject, 'CN') === undefined) {
    subject.push({ shortName: 'CN', value: PREPROD_COMMON_NAME });
  }
  const country = getNameField(subject, 'C');
  if (country !== undefined && !/^[A-Za-z]{2}$/.test(country)) {
    throw new UsageError(`The country "${country}" is not a two-letter code.`, {
      hint: 'Use the ISO 3166 code, e.g. C=US or C=GB.',
    });
  }
  if (subject.length === 0) {
    throw new UsageError('The subject is empty.', {
      hint: 'Give at least O and CN, e.g. --subject "/C=US/O=Example Bank/CN=Rewards".',
    });
  }
  return subject;
}

/**
 * Builds a PKCS#10 CSR signed with SHA-256, whose subject is exactly `subject` (in that order) and
 * whose attribute set is empty: no challenge password, no optional company name, no extension
 * request. The key pair is the caller's; nothing is written.
 */
export function buildCsrPem(subject: readonly NameField[], keys: KeyPairPem): string {
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = forge.pki.publicKeyFromPem(keys.publicKeyPem);
  csr.setSubject(toForgeAttributes(subject));
  // RFC 2986 §4.1: `attributes [0]` must be present, even when empty; forge writes it as a0 00.
  csr.attributes = [];
  signCertificationRequest(csr, keys.privateKeyPem, 'sha256');
  return forge.pki.certificationRequestToPem(csr);
}

export interface CreateCsrOptions {
  env: CsrEnvironment;
  /** Already resolved with `resolveCsrSubject`. */
  subject: readonly NameField[];
  keySizeBits: RsaKeySizeBits;
  dir: string;
  /** Replace an existing key and CSR. */
  force: boolean;
}

export interface CreatedCsr extends CsrPaths {
  env: CsrEnvironment;
  subject: string;
  keySizeBits: RsaKeySizeBits;
}

/**
 * Refuses before any work is done (and before anyone types a subject) when the key or the CSR
 * already exists: a key whose CSR was sent must never be lost.
 */
export async function assertCsrFilesAbsent(paths: CsrPaths, force: boolean): Promise<void> {
  if (force) return;
  for (const file of [paths.keyPath, paths.csrPath]) {
    if (await fileExists(file)) throw alreadyExists(file);
  }
}

/**
 * Creates `DIR/<env>.key` (PKCS#8, 0600, written atomically and never over an existing key unless
 * `force`) and `DIR/<env>.csr`. Refuses a subject identical to the other environment's CSR in the
 * same folder, since Cardlytics needs pre-prod and prod to differ.
 *
 * @example await createKeyAndCsr({ env: 'preprod', subject, keySizeBits: 2048, dir: 'certs', force: false })
 */
export async function createKeyAndCsr(options: CreateCsrOptions): Promise<CreatedCsr> {
  const paths = csrPathsFor(options.dir, options.env);
  await assertCsrFilesAbsent(paths, options.force);
  await assertSubjectDiffersFromSibling(options);

  const keys = await generateRsaKeyPair(options.keySizeBits);
  const csrPem = buildCsrPem(options.subject, keys);

  if (options.force) {
    await writeMaterialFile(paths.keyPath, keys.privateKeyPem, 'private');
  } else {
    const written = await writeNewPrivateFile(paths.keyPath, keys.privateKeyPem).catch(
      (error: unknown) => {
        throw describeWriteFailure(paths.keyPath, error);
      },
    );
    if (!written) throw alreadyExists(paths.keyPath);
  }
  await writeMaterialFile(paths.csrPath, csrPem, 'public');
  return {
    ...paths,
    env: options.env,
    subject: formatSubject(options.subject),
    keySizeBits: options.keySizeBits,
  };
}

async function assertSubjectDiffersFromSibling(options: CreateCsrOptions): Promise<void> {
  const otherEnv = options.env === 'prod' ? 'preprod' : 'prod';
  const otherCsrPath = csrPathsFor(options.dir, otherEnv).csrPath;
  if (!(await fileExists(otherCsrPath))) return;
  let otherSubject: NameField[];
  try {
    otherSubject = parseCsr(await readCsrFile(otherCsrPath), otherCsrPath).subject;
  } catch {
    // An unreadable sibling says nothing about this subject; `cdlx csr lint` reports it.
    return;
  }
  if (isSameSubject(otherSubject, options.subject)) {
    throw new CdlxError(
      'CDLX_CSR_SAME_SUBJECT',
      `The subject ${formatSubject(options.subject)} is the one ${otherCsrPath} already uses.`,
      {
        hint: `Pre-prod and prod need different subjects: change the CN or OU (pre-prod usually has CN=${PREPROD_COMMON_NAME}).`,
      },
    );
  }
}

function alreadyExists(file: string): CdlxError {
  return new CdlxError('CDLX_CSR_EXISTS', `${file} already exists; nothing was written.`, {
    hint: 'Keep it if its CSR was sent to Cardlytics. To start over with a new key, add --force.',
  });
}
