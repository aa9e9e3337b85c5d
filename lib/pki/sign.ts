import { sign as cryptoSign, createPrivateKey } from 'node:crypto';

import forge from 'node-forge';

/** Hashes the kit can sign with. SHA-1 exists only so tests can build certificates to refuse. */
export type SignatureHash = 'sha256' | 'sha384' | 'sha512' | 'sha1';

const RSA_SIGNATURE_OIDS: Record<SignatureHash, string> = {
  sha1: forge.pki.oids.sha1WithRSAEncryption!,
  sha256: forge.pki.oids.sha256WithRSAEncryption!,
  sha384: forge.pki.oids.sha384WithRSAEncryption!,
  sha512: forge.pki.oids.sha512WithRSAEncryption!,
};

/** forge functions that exist in its pki namespace but are missing from @types/node-forge. */
const forgePki = forge.pki as unknown as {
  getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1;
  getCertificationRequestInfo(csr: forge.pki.CertificateSigningRequest): forge.asn1.Asn1;
};

/**
 * Signs a forge certificate with node:crypto instead of forge's pure-JS RSA: several times faster,
 * and the issuer key never has to be converted into a forge object. forge still builds the
 * to-be-signed structure and the final DER.
 */
export function signCertificate(
  cert: forge.pki.Certificate,
  issuerKeyPem: string,
  hash: SignatureHash = 'sha256',
): void {
  const oid = RSA_SIGNATURE_OIDS[hash];
  cert.signatureOid = oid;
  cert.siginfo.algorithmOid = oid;
  const tbs = forgePki.getTBSCertificate(cert);
  // forge reads these two fields when it serialises the certificate.
  (cert as unknown as { tbsCertificate: forge.asn1.Asn1 }).tbsCertificate = tbs;
  cert.signature = signDer(tbs, issuerKeyPem, hash);
}

/**
 * Signs a forge CSR the same way. forge's own `csr.sign` would need the key as a forge object and
 * defaults to SHA-1 (RFC 2986 leaves the choice to the requester; Node 20 refuses SHA-1).
 */
export function signCertificationRequest(
  csr: forge.pki.CertificateSigningRequest,
  keyPem: string,
  hash: SignatureHash = 'sha256',
): void {
  const oid = RSA_SIGNATURE_OIDS[hash];
  csr.signatureOid = oid;
  csr.siginfo.algorithmOid = oid;
  const info = forgePki.getCertificationRequestInfo(csr);
  // forge serialises the cached request info rather than rebuilding it.
  (csr as unknown as { certificationRequestInfo: forge.asn1.Asn1 }).certificationRequestInfo = info;
  csr.signature = signDer(info, keyPem, hash);
}

/** Signs the DER encoding of `structure`; returns the signature as forge's binary string. */
function signDer(structure: forge.asn1.Asn1, keyPem: string, hash: SignatureHash): string {
  const der = Buffer.from(forge.asn1.toDer(structure).getBytes(), 'binary');
  return cryptoSign(hash, der, createPrivateKey(keyPem)).toString('binary');
}
