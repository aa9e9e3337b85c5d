import { constants } from 'node:crypto';
import type { SecureVersion, TlsOptions } from 'node:tls';

/**
 * What the mock's TLS layer accepts, as strict as a bank-facing API gateway: the same policy for
 * the mock, its admin listener and the stand-ins, since all of them start through
 * startMockServer. docs/security-model.md explains each choice.
 */

/** TLS 1.0 and 1.1 are deprecated (RFC 8996). */
export const TLS_MIN_VERSION: SecureVersion = 'TLSv1.2';
export const TLS_MAX_VERSION: SecureVersion = 'TLSv1.3';

/**
 * TLS 1.2 suites: forward-secret key exchange (ECDHE) with an AEAD cipher only, as in Mozilla's
 * "intermediate" server profile without its finite-field DHE suites. No CBC suites (Lucky13-type
 * padding oracles) and no static-RSA key exchange (no forward secrecy).
 * https://wiki.mozilla.org/Security/Server_Side_TLS#Intermediate_compatibility_.28recommended.29
 */
export const TLS12_CIPHERS = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
] as const;

/**
 * TLS 1.3 suites (all AEAD and forward-secret by design, RFC 8446 §9.1). They must be listed:
 * when Node's `ciphers` option names no TLS 1.3 suite, TLS 1.3 is switched off.
 */
export const TLS13_CIPHERSUITES = [
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_AES_128_GCM_SHA256',
] as const;

/**
 * OpenSSL security level 2 (112-bit security): refuses RSA and DH keys under 2048 bits and SHA-1
 * signatures anywhere in a peer's chain. Node's default is level 1, which accepts an RSA-1024
 * client certificate. https://docs.openssl.org/3.0/man3/SSL_CTX_set_security_level/
 */
export const OPENSSL_SECURITY_LEVEL = 2;

export const TLS_CIPHER_STRING = [
  ...TLS13_CIPHERSUITES,
  ...TLS12_CIPHERS,
  `@SECLEVEL=${OPENSSL_SECURITY_LEVEL}`,
].join(':');

/**
 * The protocol part of the policy, for `tls.createServer`/`https.createServer`. Certificates and
 * their checks are added by the caller (see connection-guard.ts).
 */
export function tlsPolicyOptions(): TlsOptions {
  return {
    minVersion: TLS_MIN_VERSION,
    maxVersion: TLS_MAX_VERSION,
    ciphers: TLS_CIPHER_STRING,
    // The server's order wins, so a client offering a weak-but-allowed suite first cannot pick it.
    honorCipherOrder: true,
    // Client-initiated renegotiation (TLS 1.2) costs the server a handshake each time for nothing
    // the mock needs: a cheap way to burn its CPU. OpenSSL 3 already disables compression (CRIME).
    secureOptions: constants.SSL_OP_NO_RENEGOTIATION,
  };
}
