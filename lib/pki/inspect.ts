import type { KeyObject, X509Certificate } from 'node:crypto';

import { CdlxError } from '../errors.js';
import { readCertificateParts, type CertificateParts } from './certificate-parts.js';
import { MIN_RSA_KEY_SIZE_BITS } from './csr-lint.js';
import { findingsFor, type Finding } from './findings.js';
import { describePublicKey, isSameKeyPair, type KeyDescription } from './keys.js';
import { formatSubject, isSameSubject } from './names.js';
import { parseCsr, type ParsedCsr } from './parse-csr.js';
import {
  readCertificateFile,
  readCsrFile,
  readPrivateKeyFile,
  type ReadMaterialOptions,
} from './read-material.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Cardlytics' renewal takes a CSR round trip; a month's notice leaves time for it. */
export const EXPIRY_WARNING_DAYS = 30;
/** Enough for a root, an intermediate or two and the leaf; stops a loop in a bad bundle. */
const MAX_CHAIN_DEPTH = 5;

export interface InspectInput {
  certificate: X509Certificate;
  /** The file the certificate came from, named in findings. */
  certFile: string;
  /** Other certificates from the same file (a PFX's or a PEM bundle's chain). */
  chain?: readonly X509Certificate[];
  privateKey?: KeyObject;
  keyFile?: string;
  csr?: ParsedCsr;
  csrFile?: string;
  /** Trust anchors: the CA the certificate must chain to. */
  caCertificates?: readonly X509Certificate[];
  caFile?: string;
  /** The moment to judge validity at; defaults to now. */
  now?: Date;
}

export interface CertificateReport {
  file: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  /** Whole days until notAfter; negative once expired. */
  daysLeft: number;
  key: KeyDescription;
  signatureAlgorithm: string;
  /** null when the certificate has no such extension. */
  keyUsage: string[] | null;
  extendedKeyUsage: string[] | null;
  isCa: boolean;
  /** Present only when the matching material was given. */
  keyMatches?: boolean;
  csrMatches?: boolean;
  chainsToCa?: boolean;
}

export interface Inspection {
  certificate: CertificateReport;
  findings: Finding[];
}

/**
 * Judges a client certificate before it is used: validity, key, signature, key usages, whether it
 * matches its private key and the CSR it answers, and whether it chains to the CA given (issuer
 * name and signature only; OpenSSL applies the rest of chain policy during the handshake). Errors
 * mean the handshake would fail or the wrong certificate was picked.
 *
 * @example
 * const { findings } = inspectCertificate({ certificate, certFile: 'preprod.crt', privateKey });
 * if (hasErrors(findings)) ...
 */
export function inspectCertificate(input: InspectInput): Inspection {
  const { certificate, certFile } = input;
  const { findings, add } = findingsFor(certFile);

  const parts = readParts(certificate, certFile);
  const now = input.now ?? new Date();
  const notBefore = new Date(Date.parse(certificate.validFrom));
  const notAfter = new Date(Date.parse(certificate.validTo));
  const daysLeft = Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
  const key = describePublicKey(certificate.publicKey);
  const keyUsage = parts.extensions.find((e) => e.keyUsage)?.keyUsage ?? null;
  const extendedKeyUsage =
    parts.extensions.find((e) => e.extendedKeyUsage)?.extendedKeyUsage ?? null;
  const isCa = certificate.ca;
  const report: CertificateReport = {
    file: certFile,
    subject: formatSubject(parts.subject),
    issuer: formatSubject(parts.issuer),
    serialNumber: certificate.serialNumber,
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    daysLeft,
    key,
    signatureAlgorithm: parts.signatureAlgorithm.name,
    keyUsage,
    extendedKeyUsage,
    isCa,
  };

  // Validity.
  if (now < notBefore) {
    add(
      'error',
      'CDLX_CERT_NOT_YET_VALID',
      'validity',
      `the certificate is not valid before ${report.notBefore}.`,
      "Check this machine's clock; if it is right, wait or ask the issuer why it starts later.",
    );
  } else if (now > notAfter) {
    add(
      'error',
      'CDLX_CERT_EXPIRED',
      'validity',
      `the certificate expired on ${report.notAfter} (${-daysLeft} days ago).`,
      'Send a new CSR to Cardlytics for a new certificate: `npm run cdlx -- csr --env <env>`.',
    );
  } else if (daysLeft < EXPIRY_WARNING_DAYS) {
    add(
      'warning',
      'CDLX_CERT_EXPIRES_SOON',
      'validity',
      `the certificate expires on ${report.notAfter}, in ${daysLeft} days.`,
      'Start the renewal now: send a new CSR to Cardlytics.',
    );
  }

  // Key and signature.
  if (key.type !== 'rsa') {
    add(
      'warning',
      'CDLX_CERT_NOT_RSA',
      'public key',
      `the key is ${key.label}; Cardlytics' instructions use RSA.`,
      'Check with Cardlytics that they expect this key type.',
    );
  } else if ((key.sizeBits ?? 0) < MIN_RSA_KEY_SIZE_BITS) {
    add(
      'error',
      'CDLX_CERT_KEY_TOO_SMALL',
      'public key',
      `the key is ${key.label}; OpenSSL refuses keys under ${MIN_RSA_KEY_SIZE_BITS} bits in TLS.`,
      'Send a new CSR with a 2048-bit or larger key.',
    );
  }
  if (parts.signatureAlgorithm.isWeak) {
    add(
      'error',
      'CDLX_CERT_WEAK_SIGNATURE',
      'signature algorithm',
      `the certificate is signed with ${parts.signatureAlgorithm.name}, weaker than SHA-256.`,
      'Ask the issuer for a certificate signed with SHA-256.',
    );
  }

  // What it may be used for.
  if (isCa) {
    add(
      'error',
      'CDLX_CERT_IS_CA',
      'basicConstraints',
      'this is a CA certificate, not a client certificate.',
      'Pass the certificate issued for your CSR with --cert, and this one with --ca.',
    );
  }
  if (extendedKeyUsage === null) {
    add(
      'warning',
      'CDLX_CERT_NO_EKU',
      'extKeyUsage',
      'the certificate has no extended key usage, so nothing says it is meant for clientAuth.',
      'OpenSSL accepts it for client authentication; check it is the certificate Cardlytics issued.',
    );
  } else if (!extendedKeyUsage.includes('clientAuth')) {
    add(
      'error',
      'CDLX_CERT_NO_CLIENT_AUTH',
      'extKeyUsage',
      `the certificate allows ${extendedKeyUsage.join(', ') || 'nothing'} but not clientAuth, so the server will refuse it.`,
      'Ask for a client certificate (extended key usage clientAuth); a server certificate will not do.',
    );
  }
  if (keyUsage !== null && !keyUsage.includes('digitalSignature')) {
    add(
      'error',
      'CDLX_CERT_KEY_USAGE',
      'keyUsage',
      `the key usage (${keyUsage.join(', ') || 'none'}) lacks digitalSignature, which a TLS client needs.`,
      'Ask the issuer for a certificate with digitalSignature in its key usage.',
    );
  }

  // The classic mix-up: the certificate answers another CSR than the key at hand.
  if (input.privateKey) {
    report.keyMatches = isSameKeyPair(certificate.publicKey, input.privateKey);
    if (!report.keyMatches) {
      add(
        'error',
        'CDLX_CERT_KEY_MISMATCH',
        'public key',
        `the certificate's public key does not match the private key in ${input.keyFile ?? certFile}.`,
        "Each certificate only works with the key its CSR came from: try the other environment's key (preprod.key / prod.key), or check with --csr.",
      );
    }
  }
  if (input.csr) {
    const csrFile = input.csrFile ?? 'the CSR';
    report.csrMatches =
      input.csr.publicKey !== undefined &&
      isSameKeyPair(certificate.publicKey, input.csr.publicKey);
    if (!report.csrMatches) {
      add(
        'error',
        'CDLX_CERT_CSR_MISMATCH',
        'public key',
        `the certificate was not issued for ${csrFile}: their public keys differ.`,
        'If you sent several CSRs, this certificate answers another one; match it by public key, not by file name.',
      );
    } else if (!isSameSubject(parts.subject, input.csr.subject)) {
      add(
        'note',
        'CDLX_CERT_SUBJECT_CHANGED',
        'subject',
        `the issuer changed the subject from ${formatSubject(input.csr.subject)} to ${report.subject}.`,
        'Nothing to do: CAs may rewrite the subject; the key is what pairs them.',
      );
    }
  }

  // Chain: issuer name and signature against the CA given.
  if (input.caCertificates) {
    const caFile = input.caFile ?? 'the CA file';
    report.chainsToCa = chainsTo(certificate, input.caCertificates, input.chain ?? [], 0);
    if (!report.chainsToCa) {
      const caNames = input.caCertificates.map((ca) => ca.subject.replace(/\n/g, ', ')).join('; ');
      add(
        'error',
        'CDLX_CERT_WRONG_CA',
        'issuer',
        `the certificate (issuer ${report.issuer}) does not chain to ${caFile} (${caNames || 'no certificates'}).`,
        'Use the CA certificate that came with it, and check it is the certificate for this environment.',
      );
    }
  }
  // Not checkIssued(itself): OpenSSL's issuer check also demands keyCertSign, which a
  // self-signed client certificate lacks.
  const isSelfSigned =
    isSameSubject(parts.subject, parts.issuer) && certificate.verify(certificate.publicKey);
  if (isSelfSigned && !isCa) {
    add(
      'note',
      'CDLX_CERT_SELF_SIGNED',
      'issuer',
      'the certificate is self-signed.',
      'Cardlytics will not accept a self-signed certificate; use the one they issue.',
    );
  }
  return { certificate: report, findings };
}

export interface InspectFiles {
  cert: string;
  key?: string;
  csr?: string;
  ca?: string;
}

/**
 * Reads the files (PEM, DER or PFX) and inspects the certificate. A PFX's own key and chain are
 * used when no --key is given. Unreadable files throw (CdlxError / UsageError).
 */
export async function inspectCertificateFiles(
  files: InspectFiles,
  options: ReadMaterialOptions & { now?: Date } = {},
): Promise<Inspection> {
  const { now, ...readOptions } = options;
  const material = await readCertificateFile(files.cert, readOptions);
  const [, ...chain] = material.certificates;
  const privateKey = files.key
    ? await readPrivateKeyFile(files.key, readOptions)
    : material.privateKey;
  const csr = files.csr ? parseCsr(await readCsrFile(files.csr), files.csr) : undefined;
  const ca = files.ca ? await readCertificateFile(files.ca, readOptions) : undefined;
  return inspectCertificate({
    certificate: material.certificate,
    certFile: files.cert,
    chain,
    ...(privateKey ? { privateKey, keyFile: files.key ?? files.cert } : {}),
    ...(csr && files.csr ? { csr, csrFile: files.csr } : {}),
    ...(ca && files.ca ? { caCertificates: ca.certificates, caFile: files.ca } : {}),
    ...(now ? { now } : {}),
  });
}

function readParts(certificate: X509Certificate, file: string): CertificateParts {
  try {
    return readCertificateParts(certificate);
  } catch (error) {
    throw new CdlxError(
      'CDLX_CERT_UNREADABLE',
      `${file} holds a certificate the kit cannot decode.`,
      {
        hint: `Look at it with \`openssl x509 -text -noout -in ${file}\`.`,
        cause: error,
      },
    );
  }
}

/** Walks issuer links through `intermediates` until a certificate in `anchors` signed one. */
function chainsTo(
  certificate: X509Certificate,
  anchors: readonly X509Certificate[],
  intermediates: readonly X509Certificate[],
  depth: number,
): boolean {
  const signedBy = (issuer: X509Certificate): boolean =>
    certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey);
  if (anchors.some(signedBy)) return true;
  if (depth >= MAX_CHAIN_DEPTH) return false;
  return intermediates.some(
    (issuer) =>
      issuer.fingerprint256 !== certificate.fingerprint256 &&
      signedBy(issuer) &&
      chainsTo(issuer, anchors, intermediates, depth + 1),
  );
}
