import type { X509Certificate } from 'node:crypto';

import { readCertificateParts } from '../lib/pki/certificate-parts.js';
import { OPENSSL_SECURITY_LEVEL, TLS12_CIPHERS } from './tls-policy.js';

/** RSA size OpenSSL's security level 2 asks for (112-bit security). */
const MIN_RSA_BITS = 2048;

/**
 * Why OpenSSL refused a client certificate, in words: `code` is Node's `authorizationError`
 * (OpenSSL's X509_V_ERR_* name without the prefix).
 */
export function describeVerifyError(
  code: string,
  cert: X509Certificate,
  trustedCas: readonly X509Certificate[],
): string {
  const reason =
    untrustedIssuerBehindCrlError(code, cert, trustedCas) ??
    VERIFY_REASONS[code]?.(cert) ??
    describeUnnamedFailure(cert);
  return `${reason} (${code})`;
}

/**
 * OpenSSL keeps checking after the first failure and Node reports the last one. For a certificate
 * no trusted CA issued, that last one is often the CRL lookup (there is no list for an unknown
 * issuer), which would send people after the wrong problem.
 */
function untrustedIssuerBehindCrlError(
  code: string,
  cert: X509Certificate,
  trustedCas: readonly X509Certificate[],
): string | undefined {
  if (code !== 'UNABLE_TO_GET_CRL' && code !== 'CRL_HAS_EXPIRED') return undefined;
  // Not checkIssued(cert): OpenSSL's check also wants keyCertSign, which a self-signed leaf lacks.
  if (cert.subject === cert.issuer && cert.verify(cert.publicKey)) return 'self-signed certificate';
  const issuedByTrusted = trustedCas.some((ca) => cert.checkIssued(ca));
  return issuedByTrusted || cert.issuerCertificate ? undefined : UNTRUSTED_ISSUER();
}

const UNTRUSTED_ISSUER = (): string =>
  'certificate not issued by a CA the mock trusts, or an intermediate CA is missing';

const VERIFY_REASONS: Readonly<Record<string, (cert: X509Certificate) => string>> = {
  CERT_HAS_EXPIRED: (cert) => `certificate expired (not after ${cert.validTo})`,
  CERT_NOT_YET_VALID: (cert) => `certificate not valid yet (not before ${cert.validFrom})`,
  CERT_REVOKED: () => 'certificate revoked: it is on its CA revocation list',
  DEPTH_ZERO_SELF_SIGNED_CERT: () => 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: () => 'chain ends in a self-signed CA the mock does not trust',
  UNABLE_TO_GET_ISSUER_CERT: UNTRUSTED_ISSUER,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: UNTRUSTED_ISSUER,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: UNTRUSTED_ISSUER,
  CERT_SIGNATURE_FAILURE: () => 'certificate signature does not verify',
  INVALID_PURPOSE: () =>
    'certificate not meant for TLS client authentication: extendedKeyUsage lacks clientAuth or keyUsage lacks digitalSignature',
  INVALID_CA: () => 'an issuing certificate in the chain is not a CA',
  UNABLE_TO_GET_CRL: () => 'the mock holds no revocation list for the issuing CA',
  CRL_HAS_EXPIRED: () => 'the revocation list of the issuing CA has expired; re-issue it',
  CRL_NOT_YET_VALID: () => 'the revocation list of the issuing CA is not valid yet',
};

/**
 * Node reports security-level refusals (small key, weak signature) as UNSPECIFIED, so the
 * certificate itself says which one it was.
 */
function describeUnnamedFailure(cert: X509Certificate): string {
  const details = cert.publicKey.asymmetricKeyDetails;
  const type = cert.publicKey.asymmetricKeyType;
  if ((type === 'rsa' || type === 'rsa-pss') && (details?.modulusLength ?? 0) < MIN_RSA_BITS) {
    return `RSA key of ${details?.modulusLength} bits; security level ${OPENSSL_SECURITY_LEVEL} needs ${MIN_RSA_BITS} or more`;
  }
  const algorithm = signatureAlgorithmOf(cert);
  if (algorithm?.isWeak) {
    return `certificate signed with ${algorithm.name}; security level ${OPENSSL_SECURITY_LEVEL} refuses SHA-1 and MD5`;
  }
  return 'certificate verification failed';
}

function signatureAlgorithmOf(cert: X509Certificate) {
  try {
    return readCertificateParts(cert).signatureAlgorithm;
  } catch {
    return undefined;
  }
}

/** Handshake failures, by Node's error code, in words. */
const TLS_ERROR_REASONS: Readonly<Record<string, string>> = {
  ERR_SSL_UNSUPPORTED_PROTOCOL: 'client offered only TLS versions older than 1.2',
  ERR_SSL_NO_SHARED_CIPHER: `no cipher suite in common: TLS 1.2 needs one of ${TLS12_CIPHERS.join(', ')}`,
  ERR_SSL_NO_SUITABLE_SIGNATURE_ALGORITHM: 'no signature algorithm in common',
  ERR_SSL_WRONG_VERSION_NUMBER: 'not a TLS handshake (plain HTTP sent to the HTTPS port?)',
  ERR_SSL_HTTP_REQUEST: 'plain HTTP sent to the HTTPS port',
  ERR_TLS_HANDSHAKE_TIMEOUT: 'TLS handshake not finished within the handshake timeout',
  ECONNRESET: 'client closed the connection during the TLS handshake (does it trust the mock CA?)',
};

/** Why a handshake failed; never the raw bytes (Node attaches them to some errors). */
export function describeTlsError(error: NodeJS.ErrnoException): string {
  const code = error.code ?? 'unknown';
  const reason = TLS_ERROR_REASONS[code] ?? `TLS handshake failed: ${oneLine(error.message)}`;
  return `${reason} (${code})`;
}

/** "O=Example Bank, CN=UAT", quoted and escaped so a hostile name cannot forge a log line. */
export function quoteName(name: string): string {
  return JSON.stringify(name.split('\n').join(', '));
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').slice(0, 200);
}
