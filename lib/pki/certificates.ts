import { randomBytes } from 'node:crypto';

import forge from 'node-forge';

import { fromForgeAttributes, toForgeAttributes, type NameField } from './names.js';
import { signCertificate, type SignatureHash } from './sign.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Certificates start a little in the past so that a peer whose clock runs a few minutes behind
 * does not see them as "not yet valid".
 */
export const CLOCK_SKEW_ALLOWANCE_MS = 5 * 60 * 1000;

export type ExtendedKeyUsage = 'serverAuth' | 'clientAuth';
export type KeyUsage = 'digitalSignature' | 'keyEncipherment' | 'keyCertSign' | 'cRLSign';

export interface Issuer {
  certPem: string;
  keyPem: string;
}

export interface CertificateRequest {
  subject: readonly NameField[];
  publicKeyPem: string;
  /** Omit for a self-signed certificate; `selfKeyPem` then signs it. */
  issuer?: Issuer;
  selfKeyPem?: string;
  validityDays: number;
  /** Start of validity; defaults to now minus the clock-skew allowance. */
  notBefore?: Date;
  isCa?: boolean;
  pathLength?: number;
  keyUsage?: readonly KeyUsage[];
  extendedKeyUsage?: readonly ExtendedKeyUsage[];
  dnsNames?: readonly string[];
  ipAddresses?: readonly string[];
  hash?: SignatureHash;
}

/** Issues an X.509 v3 certificate and returns it as PEM. */
export function issueCertificate(request: CertificateRequest): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(request.publicKeyPem);
  cert.serialNumber = randomSerialHex();

  const notBefore = request.notBefore ?? new Date(Date.now() - CLOCK_SKEW_ALLOWANCE_MS);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = new Date(notBefore.getTime() + request.validityDays * DAY_MS);

  const subject = toForgeAttributes(request.subject);
  cert.setSubject(subject);
  const issuerCert = request.issuer ? forge.pki.certificateFromPem(request.issuer.certPem) : null;
  // Copied through NameField so each value keeps its string type: forge hands back UTF8String
  // values as raw bytes and would encode them a second time, and a chain only builds when the
  // issuer name matches the CA's subject.
  cert.setIssuer(
    issuerCert ? toForgeAttributes(fromForgeAttributes(issuerCert.subject.attributes)) : subject,
  );

  cert.setExtensions(buildExtensions(request, cert, issuerCert));

  const signingKeyPem = request.issuer?.keyPem ?? request.selfKeyPem;
  if (!signingKeyPem) throw new Error('issueCertificate needs an issuer or selfKeyPem');
  signCertificate(cert, signingKeyPem, request.hash);
  return forge.pki.certificateToPem(cert);
}

function buildExtensions(
  request: CertificateRequest,
  cert: forge.pki.Certificate,
  issuerCert: forge.pki.Certificate | null,
): object[] {
  const extensions: object[] = [
    request.isCa
      ? {
          name: 'basicConstraints',
          cA: true,
          critical: true,
          ...(request.pathLength === undefined ? {} : { pathLenConstraint: request.pathLength }),
        }
      : { name: 'basicConstraints', cA: false, critical: true },
  ];
  const keyUsage = request.keyUsage ?? (request.isCa ? ['keyCertSign', 'cRLSign'] : []);
  if (keyUsage.length > 0) {
    extensions.push({
      name: 'keyUsage',
      critical: true,
      ...Object.fromEntries(keyUsage.map((usage) => [usage, true])),
    });
  }
  if (request.extendedKeyUsage && request.extendedKeyUsage.length > 0) {
    extensions.push({
      name: 'extKeyUsage',
      ...Object.fromEntries(request.extendedKeyUsage.map((usage) => [usage, true])),
    });
  }
  const altNames = [
    ...(request.dnsNames ?? []).map((value) => ({ type: 2, value })),
    ...(request.ipAddresses ?? []).map((ip) => ({ type: 7, ip })),
  ];
  if (altNames.length > 0) extensions.push({ name: 'subjectAltName', altNames });
  extensions.push({ name: 'subjectKeyIdentifier' });
  const authorityKeyId = (issuerCert ?? cert).generateSubjectKeyIdentifier().getBytes();
  extensions.push({ name: 'authorityKeyIdentifier', keyIdentifier: authorityKeyId });
  return extensions;
}

/** RFC 5280 §4.1.2.2: a positive integer of at most 20 octets; 16 random bytes, top bit clear. */
function randomSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex');
}
