/** What the kit knows about a signature algorithm, looked up by its OID. */
export interface SignatureAlgorithm {
  oid: string;
  /** The name openssl prints, or the OID when the kit does not know it. */
  name: string;
  /** The node:crypto digest name; undefined for algorithms that carry none (Ed25519, PSS). */
  hash: 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512' | undefined;
  /** Key type the algorithm belongs to, as node:crypto names key types. */
  keyType: 'rsa' | 'rsa-pss' | 'ec' | 'ed25519' | undefined;
  /**
   * Weaker than SHA-256: MD5 and SHA-1 signatures are forgeable (SHAttered, 2017) and OpenSSL 3
   * refuses them in TLS at its default security level; SHA-224 gives 112-bit security, short of
   * the 128 bits that SHA-256 and RSA-3072 give (NIST SP 800-57 part 1, table 3).
   */
  isWeak: boolean;
}

/** RFC 3279, RFC 4055, RFC 5758 and RFC 8410 signature algorithm OIDs. */
const KNOWN_ALGORITHMS: readonly Omit<SignatureAlgorithm, 'isWeak'>[] = [
  { oid: '1.2.840.113549.1.1.4', name: 'md5WithRSAEncryption', hash: 'md5', keyType: 'rsa' },
  { oid: '1.2.840.113549.1.1.5', name: 'sha1WithRSAEncryption', hash: 'sha1', keyType: 'rsa' },
  { oid: '1.2.840.113549.1.1.14', name: 'sha224WithRSAEncryption', hash: 'sha224', keyType: 'rsa' },
  { oid: '1.2.840.113549.1.1.11', name: 'sha256WithRSAEncryption', hash: 'sha256', keyType: 'rsa' },
  { oid: '1.2.840.113549.1.1.12', name: 'sha384WithRSAEncryption', hash: 'sha384', keyType: 'rsa' },
  { oid: '1.2.840.113549.1.1.13', name: 'sha512WithRSAEncryption', hash: 'sha512', keyType: 'rsa' },
  { oid: '1.2.840.113549.1.1.10', name: 'rsassaPss', hash: undefined, keyType: 'rsa-pss' },
  { oid: '1.2.840.10045.4.1', name: 'ecdsa-with-SHA1', hash: 'sha1', keyType: 'ec' },
  { oid: '1.2.840.10045.4.3.1', name: 'ecdsa-with-SHA224', hash: 'sha224', keyType: 'ec' },
  { oid: '1.2.840.10045.4.3.2', name: 'ecdsa-with-SHA256', hash: 'sha256', keyType: 'ec' },
  { oid: '1.2.840.10045.4.3.3', name: 'ecdsa-with-SHA384', hash: 'sha384', keyType: 'ec' },
  { oid: '1.2.840.10045.4.3.4', name: 'ecdsa-with-SHA512', hash: 'sha512', keyType: 'ec' },
  { oid: '1.3.101.112', name: 'ED25519', hash: undefined, keyType: 'ed25519' },
];

const WEAK_HASHES = new Set(['md5', 'sha1', 'sha224']);

export function describeSignatureAlgorithm(oid: string): SignatureAlgorithm {
  const known = KNOWN_ALGORITHMS.find((algorithm) => algorithm.oid === oid);
  if (!known) return { oid, name: oid, hash: undefined, keyType: undefined, isWeak: false };
  return { ...known, isWeak: known.hash !== undefined && WEAK_HASHES.has(known.hash) };
}

/** SHA-256 or stronger with RSA: what the kit accepts from a CSR or a certificate. */
export function isAcceptedRsaSignature(algorithm: SignatureAlgorithm): boolean {
  return algorithm.keyType === 'rsa' && !algorithm.isWeak;
}
