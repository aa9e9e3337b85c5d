import path from 'node:path';

import { CdlxError, UsageError } from '../errors.js';
import { findingsFor, type Finding } from './findings.js';
import { formatSubject, getNameField, isSameSubject, type NameField } from './names.js';
import { parseCsr, verifyCsrSignature, type ParsedCsr } from './parse-csr.js';
import { readCsrFile } from './read-material.js';
import { isAcceptedRsaSignature } from './signature-algorithms.js';

/** NIST SP 800-57 part 1 (and OpenSSL's default security level 2): RSA below 2048 bits is out. */
export const MIN_RSA_KEY_SIZE_BITS = 2048;
/** Cardlytics suggests `CN=UAT` for the pre-production certificate (reference sheet §2). */
export const PREPROD_COMMON_NAME = 'UAT';

/** A file name that says pre-production: preprod, pre-prod, pre_prod or uat. */
const PREPROD_FILE_NAME = /pre[-_]?prod|uat/i;
/** Deliberately loose: it catches a missing `@` or domain, not every RFC 5322 subtlety. */
const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const REGENERATE = 'Make a new key and CSR with `npm run cdlx -- csr --env <preprod|prod>`.';

export interface LintedCsr {
  file: string;
  csr: ParsedCsr;
}

export interface CsrLintReport {
  /** The CSRs that could be read, with their subjects. */
  csrs: { file: string; subject: string; isPreprod: boolean }[];
  findings: Finding[];
}

/**
 * Reads and checks CSR files against Cardlytics' onboarding rules, then checks them against each
 * other (pre-prod and prod must have different subjects). A file that cannot be read as a CSR is
 * an error finding; a missing file or a folder is a usage error and is thrown.
 *
 * @example const { findings } = await lintCsrFiles(['certs/preprod.csr', 'certs/prod.csr']);
 */
export async function lintCsrFiles(files: readonly string[]): Promise<CsrLintReport> {
  const linted: LintedCsr[] = [];
  const findings: Finding[] = [];
  for (const file of files) {
    try {
      linted.push({ file, csr: parseCsr(await readCsrFile(file), file) });
    } catch (error) {
      if (error instanceof UsageError || !(error instanceof CdlxError)) throw error;
      findings.push({
        level: 'error',
        code: error.code,
        file,
        field: 'file',
        message: error.message,
        hint: error.hint ?? '',
      });
    }
  }
  findings.push(...lintCsrs(linted));
  return {
    csrs: linted.map(({ file, csr }) => ({
      file,
      subject: formatSubject(csr.subject),
      isPreprod: isPreprodCsr(file, csr.subject),
    })),
    findings,
  };
}

/** Checks parsed CSRs one by one, then for subjects they share. */
export function lintCsrs(csrs: readonly LintedCsr[]): Finding[] {
  const findings = csrs.flatMap(({ file, csr }) => lintCsr(file, csr));
  csrs.forEach(({ file, csr }, index) => {
    const earlier = csrs
      .slice(0, index)
      .find((other) => isSameSubject(other.csr.subject, csr.subject));
    if (earlier && csr.subject.length > 0) {
      findings.push({
        level: 'error',
        code: 'CDLX_CSR_SAME_SUBJECT',
        file,
        field: 'subject',
        message: `has the same subject as ${earlier.file}: ${formatSubject(csr.subject)}.`,
        hint: `Pre-prod and prod need different subjects (pre-prod usually CN=${PREPROD_COMMON_NAME}); make one again with a new --subject.`,
      });
    }
  });
  return findings;
}

/** A CSR is for pre-production when its file name says so or its CN is UAT. */
export function isPreprodCsr(file: string, subject: readonly NameField[]): boolean {
  const commonName = getNameField(subject, 'CN');
  return (
    PREPROD_FILE_NAME.test(path.basename(file)) || commonName?.toUpperCase() === PREPROD_COMMON_NAME
  );
}

/** Every rule for one CSR, in the order a person would fix them. */
export function lintCsr(file: string, csr: ParsedCsr): Finding[] {
  const { findings, add } = findingsFor(file);

  // The signature proves the requester holds the key; a CA refuses a CSR whose signature fails.
  if (verifyCsrSignature(csr) === false) {
    add(
      'error',
      'CDLX_CSR_BAD_SIGNATURE',
      'signature',
      'the signature does not verify: the CSR was altered or damaged after it was signed.',
      `Make the CSR again from its key rather than editing it. ${REGENERATE}`,
    );
  }

  // Key: RSA, at least 2048 bits.
  if (csr.key.type !== 'rsa') {
    add(
      'error',
      'CDLX_CSR_NOT_RSA',
      'public key',
      `the key is ${csr.key.label}, not RSA; Cardlytics signs RSA keys.`,
      REGENERATE,
    );
  } else if ((csr.key.sizeBits ?? 0) < MIN_RSA_KEY_SIZE_BITS) {
    add(
      'error',
      'CDLX_CSR_KEY_TOO_SMALL',
      'public key',
      `the key is ${csr.key.label}; at least ${MIN_RSA_KEY_SIZE_BITS} bits are needed.`,
      "Make a new key and CSR with `npm run cdlx -- csr --env <preprod|prod>` (2048 bits by default; --key-size 4096 matches Cardlytics' example).",
    );
  }

  // Signature algorithm: SHA-256 or stronger, with RSA.
  const algorithm = csr.signatureAlgorithm;
  if (csr.key.type === 'rsa' && !isAcceptedRsaSignature(algorithm)) {
    add(
      'error',
      'CDLX_CSR_WEAK_SIGNATURE',
      'signature algorithm',
      algorithm.isWeak
        ? `the CSR is signed with ${algorithm.name}, weaker than SHA-256.`
        : `the CSR is signed with ${algorithm.name}, not with SHA-256 (or stronger) and RSA.`,
      `Sign it with SHA-256 (\`openssl req -sha256\`). ${REGENERATE}`,
    );
  }

  // Attributes: none, apart from requested extensions, which only earn a warning.
  for (const attribute of csr.attributes) {
    if (attribute.name === 'extensionRequest') continue;
    const isChallenge = attribute.name === 'challengePassword';
    add(
      'error',
      isChallenge ? 'CDLX_CSR_CHALLENGE_PASSWORD' : 'CDLX_CSR_ATTRIBUTE',
      attribute.name,
      isChallenge
        ? 'the CSR carries a challenge password; Cardlytics expects a CSR without attributes.'
        : `the CSR carries the attribute ${attribute.name}; Cardlytics expects none.`,
      `Make it again without attributes (openssl: answer "" to the "extra attributes" prompts, or use -subj). ${REGENERATE}`,
    );
  }
  if (csr.requestedExtensions.length > 0) {
    add(
      'warning',
      'CDLX_CSR_EXTENSIONS',
      'requested extensions',
      `the CSR asks for ${csr.requestedExtensions.map((e) => e.name).join(', ')}; the CA decides the extensions and will likely ignore these.`,
      'Nothing to do unless Cardlytics asked for them; otherwise leave -addext/req_extensions out.',
    );
  }

  // Subject.
  if (csr.subject.length === 0) {
    add(
      'error',
      'CDLX_CSR_EMPTY_SUBJECT',
      'subject',
      'the subject is empty.',
      'Give a subject such as --subject "/C=US/O=Example Bank/CN=UAT".',
    );
  }
  const email = getNameField(csr.subject, 'emailAddress');
  if (email !== undefined && !EMAIL_ADDRESS.test(email)) {
    add(
      'warning',
      'CDLX_CSR_EMAIL',
      'emailAddress',
      `"${email}" is not a well-formed e-mail address.`,
      'Fix the address or leave the field out; it is optional.',
    );
  }
  const commonName = getNameField(csr.subject, 'CN');
  if (isPreprodCsr(file, csr.subject) && commonName !== PREPROD_COMMON_NAME) {
    add(
      'warning',
      'CDLX_CSR_PREPROD_CN',
      'CN',
      `this looks like the pre-prod CSR, but its CN is ${commonName === undefined ? 'missing' : `"${commonName}"`}, not "${PREPROD_COMMON_NAME}".`,
      `Cardlytics suggests CN=${PREPROD_COMMON_NAME} for pre-prod; use it unless they told you otherwise.`,
    );
  }
  return findings;
}
