import forge from 'node-forge';

import {
  bitStringBytes,
  bytesOf,
  childrenOf,
  isUniversal,
  oidOf,
  parseDer,
  type Asn1,
} from './asn1-reader.js';

/** One X.509 v3 extension, decoded as far as the kit needs it. */
export interface X509Extension {
  oid: string;
  /** The name openssl prints, or the OID. */
  name: string;
  critical: boolean;
  /** keyUsage bits by name, for the keyUsage extension. */
  keyUsage?: string[];
  /** extKeyUsage purposes by name (or OID), for the extKeyUsage extension. */
  extendedKeyUsage?: string[];
  /** basicConstraints cA flag. */
  isCa?: boolean;
}

/** RFC 5280 §4.2.1 extension OIDs. */
const EXTENSION_NAMES: Readonly<Record<string, string>> = {
  '2.5.29.14': 'subjectKeyIdentifier',
  '2.5.29.15': 'keyUsage',
  '2.5.29.17': 'subjectAltName',
  '2.5.29.19': 'basicConstraints',
  '2.5.29.31': 'cRLDistributionPoints',
  '2.5.29.32': 'certificatePolicies',
  '2.5.29.35': 'authorityKeyIdentifier',
  '2.5.29.37': 'extKeyUsage',
  '1.3.6.1.5.5.7.1.1': 'authorityInfoAccess',
};

/** RFC 5280 §4.2.1.3: KeyUsage bit positions, bit 0 first. */
const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

/** RFC 5280 §4.2.1.12 key purposes. */
const KEY_PURPOSES: Readonly<Record<string, string>> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
};

/** Reads a SEQUENCE OF Extension, as found in a certificate or a CSR's extensionRequest. */
export function readExtensions(sequence: Asn1): X509Extension[] {
  return childrenOf(sequence, 'the extension list').map(readExtension);
}

function readExtension(node: Asn1): X509Extension {
  const parts = childrenOf(node, 'an extension');
  const [oidNode] = parts;
  if (!oidNode) throw new Error('an extension has no OID');
  const oid = oidOf(oidNode, 'the extension OID');
  const criticalNode = parts.find((part) => isUniversal(part, forge.asn1.Type.BOOLEAN));
  const critical = criticalNode !== undefined && bytesOf(criticalNode, 'critical') !== '\x00';
  const valueNode = parts.find((part) => isUniversal(part, forge.asn1.Type.OCTETSTRING));
  if (!valueNode) throw new Error(`the extension ${oid} has no value`);
  // Only the extensions the kit judges are decoded, so an exotic one cannot stop an inspection.
  const value = (): Asn1 =>
    parseDer(Buffer.from(bytesOf(valueNode, 'the extension value'), 'binary'));

  const extension: X509Extension = { oid, name: EXTENSION_NAMES[oid] ?? oid, critical };
  if (oid === '2.5.29.15') extension.keyUsage = readKeyUsage(value());
  if (oid === '2.5.29.37') {
    extension.extendedKeyUsage = childrenOf(value(), 'extKeyUsage').map((purpose) => {
      const purposeOid = oidOf(purpose, 'a key purpose');
      return KEY_PURPOSES[purposeOid] ?? purposeOid;
    });
  }
  if (oid === '2.5.29.19') {
    const [first] = childrenOf(value(), 'basicConstraints');
    extension.isCa =
      first !== undefined &&
      isUniversal(first, forge.asn1.Type.BOOLEAN) &&
      bytesOf(first, 'cA') !== '\x00';
  }
  return extension;
}

function readKeyUsage(value: Asn1): string[] {
  const bytes = bitStringBytes(value, 'keyUsage');
  return KEY_USAGE_BITS.filter((_name, bit) => {
    const byte = bytes[Math.floor(bit / 8)] ?? 0;
    return (byte & (0x80 >> (bit % 8))) !== 0;
  });
}
