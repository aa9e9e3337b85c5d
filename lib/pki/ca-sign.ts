import { createPrivateKey, X509Certificate } from 'node:crypto';

import { CdlxError } from '../errors.js';
import type { CertificateAuthority } from './ca.js';
import { issueCertificate } from './certificates.js';
import { lintCsr } from './csr-lint.js';
import { isSameKeyPair } from './keys.js';
import type { ParsedCsr } from './parse-csr.js';

/**
 * Short on purpose: a rehearsal certificate only has to last until go-live, and a leaked one
 * stops mattering soon. Cardlytics does not document the validity of the certificates it issues.
 */
export const SIGNED_CERT_VALIDITY_DAYS = 90;

export interface SignCsrOptions {
  /** The CSR's file, named in errors. */
  csrFile: string;
  validityDays?: number;
}

/**
 * Signs a CSR as the vendor would: a client certificate (extKeyUsage clientAuth, keyUsage
 * digitalSignature and keyEncipherment) for the CSR's subject and public key, signed with
 * SHA-256. Refuses, as a CA does, a CSR that fails the checks of `cdlx csr lint` (bad
 * signature, not RSA, too small, attributes, ...), so a rehearsal cannot pass on material Cardlytics
 * would send back. Returns the certificate as PEM.
 */
export function signCsr(ca: CertificateAuthority, csr: ParsedCsr, options: SignCsrOptions): string {
  const errors = lintCsr(options.csrFile, csr).filter((finding) => finding.level === 'error');
  if (errors.length > 0 || !csr.publicKey) {
    const first = errors[0]?.message ?? 'its public key cannot be read.';
    throw new CdlxError(
      'CDLX_CSR_REFUSED',
      `${options.csrFile} was not signed: ${first}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`,
      { hint: `See every problem with \`npm run cdlx -- csr lint ${options.csrFile}\`.` },
    );
  }
  assertCaKeyMatches(ca);

  return issueCertificate({
    subject: csr.subject,
    publicKeyPem: csr.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    issuer: ca,
    validityDays: options.validityDays ?? SIGNED_CERT_VALIDITY_DAYS,
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    extendedKeyUsage: ['clientAuth'],
    hash: 'sha256',
  });
}

function assertCaKeyMatches(ca: CertificateAuthority): void {
  let matches: boolean;
  try {
    matches = isSameKeyPair(new X509Certificate(ca.certPem).publicKey, createPrivateKey(ca.keyPem));
  } catch (error) {
    throw new CdlxError('CDLX_CA_BROKEN', `${ca.certPath} or ${ca.keyPath} does not parse.`, {
      hint: 'Recreate the CA with `npm run cdlx -- ca init --dir <dir> --force`.',
      cause: error,
    });
  }
  if (!matches) {
    throw new CdlxError(
      'CDLX_CA_BROKEN',
      `${ca.certPath} and ${ca.keyPath} do not belong together.`,
      {
        hint: 'Recreate the CA with `npm run cdlx -- ca init --dir <dir> --force`.',
      },
    );
  }
}
