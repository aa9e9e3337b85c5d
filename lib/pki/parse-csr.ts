import { createPublicKey, verify as cryptoVerify, type KeyObject } from 'node:crypto';

import forge from 'node-forge';

import { CdlxError } from '../errors.js';
import {
  bitStringBytes,
  childAt,
  childrenOf,
  isContextTag,
  oidOf,
  parseDer,
  toDerBuffer,
} from './asn1-reader.js';
import { describePublicKey, type KeyDescription } from './keys.js';
import { nameFromAsn1, type NameField } from './names.js';
import { describeSignatureAlgorithm, type SignatureAlgorithm } from './signature-algorithms.js';
import { readExtensions, type X509Extension } from './x509-extensions.js';

/** PKCS#9 attribute OIDs (RFC 2985 §5.4) a CSR may carry. */
export const CSR_ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.9.7': 'challengePassword',
  '1.2.840.113549.1.9.2': 'unstructuredName',
  '1.2.840.113549.1.9.14': 'extensionRequest',
};

export interface CsrAttribute {
  oid: string;
  name: string;
}

/** A PKCS#10 request (RFC 2986), read without assuming an RSA key. */
export interface ParsedCsr {
  der: Buffer;
  subject: NameField[];
  /** undefined when node:crypto cannot read the key (an algorithm it does not know). */
  publicKey: KeyObject | undefined;
  key: KeyDescription;
  signatureAlgorithm: SignatureAlgorithm;
  /** Every attribute in the [0] set, extensionRequest included. */
  attributes: CsrAttribute[];
  /** The extensions an extensionRequest attribute asks for. */
  requestedExtensions: X509Extension[];
  /** The signed part and the signature, for verification. */
  infoDer: Buffer;
  signature: Buffer;
}

/**
 * Reads a DER-encoded CSR. `file` names it in the error when the bytes are not a CSR.
 *
 * @example parseCsr(await readFile('preprod.der'), 'preprod.der').subject
 */
export function parseCsr(der: Uint8Array, file: string): ParsedCsr {
  try {
    return readCsrStructure(Buffer.from(der));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CdlxError('CDLX_CSR_UNREADABLE', `${file} is not a readable CSR (${reason}).`, {
      hint: 'Check that you picked the .csr file and that it was copied whole.',
      cause: error,
    });
  }
}

function readCsrStructure(der: Buffer): ParsedCsr {
  const root = parseDer(der);
  const info = childAt(root, 0, 'the CSR');
  const signatureAlgorithm = describeSignatureAlgorithm(
    oidOf(childAt(childAt(root, 1, 'the CSR'), 0, 'the signature algorithm'), 'the algorithm'),
  );
  const signature = bitStringBytes(childAt(root, 2, 'the CSR'), 'the signature');

  const subject = nameFromAsn1(childAt(info, 1, 'the request info'));
  const spkiDer = toDerBuffer(childAt(info, 2, 'the request info'));
  const publicKey = readPublicKey(spkiDer);
  const key: KeyDescription = publicKey
    ? describePublicKey(publicKey)
    : { type: 'unknown', sizeBits: undefined, label: 'unknown key type' };

  const attributeSet = childrenOf(info, 'the request info').find((node) => isContextTag(node, 0));
  const attributes: CsrAttribute[] = [];
  const requestedExtensions: X509Extension[] = [];
  for (const attribute of attributeSet ? childrenOf(attributeSet, 'the attributes') : []) {
    const oid = oidOf(childAt(attribute, 0, 'an attribute'), 'the attribute type');
    attributes.push({ oid, name: CSR_ATTRIBUTE_NAMES[oid] ?? oid });
    if (CSR_ATTRIBUTE_NAMES[oid] === 'extensionRequest') {
      const values = childAt(attribute, 1, 'extensionRequest');
      requestedExtensions.push(...readExtensions(childAt(values, 0, 'extensionRequest')));
    }
  }

  return {
    der,
    subject,
    publicKey,
    key,
    signatureAlgorithm,
    attributes,
    requestedExtensions,
    infoDer: toDerBuffer(info),
    signature,
  };
}

function readPublicKey(spkiDer: Buffer): KeyObject | undefined {
  try {
    return createPublicKey({ key: spkiDer, format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}

/**
 * Checks the CSR's self-signature, which proves the requester holds the private key. RSA CSRs go
 * through forge (`csr.verify()`, as a CA built on forge would); EC and Ed25519 ones through
 * node:crypto, since forge cannot read them. Returns undefined when neither can check it.
 */
export function verifyCsrSignature(csr: ParsedCsr): boolean | undefined {
  if (csr.key.type === 'rsa') return verifyWithForge(csr.der);
  if (!csr.publicKey) return undefined;
  const { hash, keyType } = csr.signatureAlgorithm;
  if (keyType !== csr.key.type || (hash === undefined && keyType !== 'ed25519')) return undefined;
  try {
    return cryptoVerify(hash ?? null, csr.infoDer, csr.publicKey, csr.signature);
  } catch {
    return false;
  }
}

function verifyWithForge(der: Buffer): boolean | undefined {
  let csr: forge.pki.CertificateSigningRequest;
  try {
    csr = forge.pki.certificationRequestFromAsn1(forge.asn1.fromDer(der.toString('binary')));
  } catch {
    // An algorithm forge does not know; the lint reports the algorithm itself.
    return undefined;
  }
  try {
    return csr.verify();
  } catch {
    // forge throws rather than returning false when the signature block does not even decode,
    // which is what a flipped byte usually produces.
    return false;
  }
}
