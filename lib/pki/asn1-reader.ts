import forge from 'node-forge';

/**
 * Small, strict accessors over forge's ASN.1 tree. forge's own parsers (certificateFromAsn1,
 * certificationRequestFromAsn1) throw on anything that is not RSA, so the kit walks the structure
 * itself wherever it must describe material it will go on to refuse, such as an EC CSR.
 */
export type Asn1 = forge.asn1.Asn1;

/** The structure did not have the expected shape; the message says which part. */
export class Asn1ShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Asn1ShapeError';
  }
}

/**
 * Parses DER strictly: every byte must belong to the structure, so a truncated or padded file is
 * caught here. BIT STRINGs are left as bytes (forge would otherwise try to read a signature as
 * ASN.1 and sometimes succeed).
 */
export function parseDer(der: Uint8Array): Asn1 {
  // forge accepts an options object here; @types/node-forge only declares the boolean form.
  const fromDer = forge.asn1.fromDer as unknown as (
    bytes: string,
    options: { strict: boolean; parseAllBytes: boolean; decodeBitStrings: boolean },
  ) => Asn1;
  return fromDer(Buffer.from(der).toString('binary'), {
    strict: true,
    parseAllBytes: true,
    decodeBitStrings: false,
  });
}

export function childrenOf(node: Asn1, what: string): Asn1[] {
  if (!Array.isArray(node.value)) throw new Asn1ShapeError(`${what} is not a structure`);
  return node.value;
}

export function childAt(node: Asn1, index: number, what: string): Asn1 {
  const child = childrenOf(node, what)[index];
  if (!child) throw new Asn1ShapeError(`${what} has no element ${index}`);
  return child;
}

export function isUniversal(node: Asn1, type: forge.asn1.Type): boolean {
  return node.tagClass === forge.asn1.Class.UNIVERSAL && node.type === type;
}

export function isContextTag(node: Asn1, tagNumber: number): boolean {
  // For context-specific tags forge stores the tag number in `type`, typed as a universal type.
  return node.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && (node.type as number) === tagNumber;
}

export function bytesOf(node: Asn1, what: string): string {
  if (typeof node.value !== 'string') throw new Asn1ShapeError(`${what} is not a primitive value`);
  return node.value;
}

export function oidOf(node: Asn1, what: string): string {
  if (!isUniversal(node, forge.asn1.Type.OID)) throw new Asn1ShapeError(`${what} is not an OID`);
  return forge.asn1.derToOid(bytesOf(node, what));
}

/** The content of a BIT STRING without its leading unused-bits octet. */
export function bitStringBytes(node: Asn1, what: string): Buffer {
  if (!isUniversal(node, forge.asn1.Type.BITSTRING)) {
    throw new Asn1ShapeError(`${what} is not a BIT STRING`);
  }
  return Buffer.from(bytesOf(node, what).slice(1), 'binary');
}

/** Re-encodes a node as DER (exact for input that was DER to begin with). */
export function toDerBuffer(node: Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
}
