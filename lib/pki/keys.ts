import { createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
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

/** A public key as people talk about it: "RSA 2048 bits", "EC P-256". */
export interface KeyDescription {
  /** node:crypto's key type: 'rsa', 'rsa-pss', 'ec', 'ed25519', ... */
  type: string;
  /** RSA modulus or EC field size; undefined when node:crypto does not say. */
  sizeBits: number | undefined;
  label: string;
}

/** Field sizes of the named curves node:crypto reports, for the "key size" people expect. */
const CURVE_SIZES_BITS: Readonly<Record<string, number>> = {
  prime256v1: 256,
  secp256k1: 256,
  secp384r1: 384,
  secp521r1: 521,
};

const CURVE_LABELS: Readonly<Record<string, string>> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
};

export function describePublicKey(key: KeyObject): KeyDescription {
  const type = key.asymmetricKeyType ?? 'unknown';
  const details = key.asymmetricKeyDetails ?? {};
  if (type === 'rsa' || type === 'rsa-pss') {
    const sizeBits = details.modulusLength;
    const name = type === 'rsa' ? 'RSA' : 'RSA-PSS';
    return { type, sizeBits, label: sizeBits === undefined ? name : `${name} ${sizeBits} bits` };
  }
  if (type === 'ec') {
    const curve = details.namedCurve ?? 'unknown curve';
    return {
      type,
      sizeBits: CURVE_SIZES_BITS[curve],
      label: `EC ${CURVE_LABELS[curve] ?? curve}`,
    };
  }
  return { type, sizeBits: undefined, label: type.toUpperCase() };
}

/**
 * Whether two keys (private or public, any mix) belong to the same key pair: their
 * SubjectPublicKeyInfo encodings are identical. This is how a certificate is matched to its key
 * and to the CSR it was issued for.
 */
export function isSameKeyPair(a: KeyObject, b: KeyObject): boolean {
  return spkiDer(a).equals(spkiDer(b));
}

function spkiDer(key: KeyObject): Buffer {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return publicKey.export({ type: 'spki', format: 'der' });
}
