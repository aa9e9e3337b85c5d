import { writePrivateFile, writePublicFile } from '../fs-secure.js';
import { issueCertificate, type CertificateRequest, type Issuer } from './certificates.js';
import { generateRsaKeyPair } from './keys.js';

export interface IdentityPaths {
  certPath: string;
  keyPath: string;
}

export interface Identity {
  certPem: string;
  keyPem: string;
}

export type LeafOptions = Omit<CertificateRequest, 'publicKeyPem' | 'issuer' | 'selfKeyPem'> & {
  keySizeBits?: number;
};

/** Generates a key and a certificate for it, signed by `issuer`, in memory. */
export async function createIdentity(issuer: Issuer, options: LeafOptions): Promise<Identity> {
  const keys = await generateRsaKeyPair(options.keySizeBits ?? 2048);
  const certPem = issueCertificate({ ...options, publicKeyPem: keys.publicKeyPem, issuer });
  return { certPem, keyPem: keys.privateKeyPem };
}

/** Writes an identity: the key with mode 0600, the certificate world-readable. */
export async function writeIdentity(identity: Identity, paths: IdentityPaths): Promise<void> {
  await writePrivateFile(paths.keyPath, identity.keyPem);
  await writePublicFile(paths.certPath, identity.certPem);
}
