import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';

const generateKeyPairAsync = promisify(generateKeyPair);

/** RSA sizes the kit offers: 2048 is the NIST SP 800-57 floor; 3072 is its advice past 2030. */
export const RSA_KEY_SIZES_BITS = [2048, 3072, 4096] as const;
export type RsaKeySizeBits = (typeof RSA_KEY_SIZES_BITS)[number];

export interface KeyPairPem {
  /** PKCS#8 PEM ("BEGIN PRIVATE KEY"), unencrypted: protect it with file permissions. */
  privateKeyPem: string;
  /** SubjectPublicKeyInfo PEM. */
  publicKeyPem: string;
}

/**
 * Generates an RSA key pair natively (node:crypto runs OpenSSL off the main thread: about 0.1 s
 * for 2048 bits, where a pure-JS generator takes seconds).
 */
export async function generateRsaKeyPair(keySizeBits: number = 2048): Promise<KeyPairPem> {
  const { privateKey, publicKey } = await generateKeyPairAsync('rsa', {
    modulusLength: keySizeBits,
    publicExponent: 0x10001,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}
