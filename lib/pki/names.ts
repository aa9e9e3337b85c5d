import forge from 'node-forge';

import { UsageError } from '../errors.js';

/** One relative distinguished name, in the order it appears in the subject. */
export interface NameField {
  /** Short name as openssl prints it: C, ST, L, O, OU, CN, emailAddress; the OID when unknown. */
  shortName: string;
  value: string;
  /** The attribute's OID, kept when a name is read from a certificate or a CSR. */
  type?: string;
  /** The ASN.1 string type it was read with, so a copied name keeps its exact encoding. */
  valueTagClass?: number;
}

/** The DN fields openssl's default config asks for, in its order. */
export const DN_FIELDS = [
  { shortName: 'C', prompt: 'Country Name (2 letter code)' },
  { shortName: 'ST', prompt: 'State or Province Name (full name)' },
  { shortName: 'L', prompt: 'Locality Name (eg, city)' },
  { shortName: 'O', prompt: 'Organization Name (eg, company)' },
  { shortName: 'OU', prompt: 'Organizational Unit Name (eg, section)' },
  { shortName: 'CN', prompt: 'Common Name (e.g. server FQDN or YOUR name)' },
  { shortName: 'emailAddress', prompt: 'Email Address' },
] as const;

const KNOWN_SHORT_NAMES = new Set<string>(DN_FIELDS.map((field) => field.shortName));

/** Attribute OIDs and the short names openssl prints for them (RFC 4519, RFC 2985). */
const SHORT_NAME_BY_OID: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.42': 'GN',
  '2.5.4.97': 'organizationIdentifier',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

const OID_BY_SHORT_NAME: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SHORT_NAME_BY_OID).map(([oid, shortName]) => [shortName, oid]),
);

const { Type } = forge.asn1;
/** TeletexString (X.680 tag 20), which @types/node-forge leaves out of `asn1.Type`. */
const T61_STRING = 20;

/**
 * Parses an openssl-style subject such as `/C=US/O=Example Bank/CN=UAT`. A `\/` inside a value is a
 * literal slash, as in `openssl req -subj`.
 */
export function parseSubject(subject: string): NameField[] {
  const trimmed = subject.trim();
  if (!trimmed.startsWith('/')) {
    throw new UsageError(`The subject "${subject}" must start with "/".`, {
      hint: 'Write it as openssl does, e.g. --subject "/C=US/O=Example Bank/CN=UAT".',
    });
  }
  const parts = trimmed
    .slice(1)
    .split(/(?<!\\)\//)
    .filter((part) => part.length > 0);
  return parts.map((part) => {
    const eq = part.indexOf('=');
    const shortName = eq > 0 ? part.slice(0, eq).trim() : '';
    const value = part.slice(eq + 1).replace(/\\\//g, '/');
    if (!KNOWN_SHORT_NAMES.has(shortName)) {
      throw new UsageError(`Unknown subject field "${part}" in "${subject}".`, {
        hint: `Use only ${[...KNOWN_SHORT_NAMES].join(', ')}.`,
      });
    }
    if (value.trim() === '') {
      throw new UsageError(`The subject field ${shortName} in "${subject}" is empty.`, {
        hint: 'Leave the field out instead of giving it an empty value.',
      });
    }
    return { shortName, value };
  });
}

/** Formats fields back into the openssl one-line form. */
export function formatSubject(fields: readonly NameField[]): string {
  return fields.map((f) => `/${f.shortName}=${f.value.replace(/\//g, '\\/')}`).join('');
}

/** The value of the first field with this short name, if any. */
export function getNameField(fields: readonly NameField[], shortName: string): string | undefined {
  return fields.find((field) => field.shortName === shortName)?.value;
}

/**
 * Whether two subjects name the same entity. Case and runs of spaces are ignored, as OpenSSL's
 * canonical name comparison does, because a CA comparing subjects will not tell `CN=UAT` from
 * `CN=uat` either.
 */
export function isSameSubject(a: readonly NameField[], b: readonly NameField[]): boolean {
  const canonical = (fields: readonly NameField[]): string =>
    fields
      .map((f) => `${f.shortName}=${f.value.trim().replace(/\s+/g, ' ').toLowerCase()}`)
      .join('/');
  return canonical(a) === canonical(b);
}

/**
 * Converts fields into forge attributes. Values are encoded as openssl does with its default
 * `string_mask = utf8only`: PrintableString for the country, IA5String for the e-mail address,
 * UTF8String for the rest (forge's own default, PrintableString, cannot hold `&`, `@` or accents).
 */
export function toForgeAttributes(fields: readonly NameField[]): forge.pki.CertificateField[] {
  return fields.map((field) => {
    const type = field.type ?? OID_BY_SHORT_NAME[field.shortName];
    const base = type === undefined ? { shortName: field.shortName } : { type };
    const valueTagClass = keepsEncoding(field.valueTagClass)
      ? field.valueTagClass
      : defaultStringType(field.shortName);
    // forge types valueTagClass as a tag class, but reads it as the universal string type.
    return { ...base, value: field.value, valueTagClass: valueTagClass as forge.asn1.Class };
  });
}

/** Converts attributes forge parsed (raw bytes per string type) into fields with text values. */
export function fromForgeAttributes(
  attributes: readonly forge.pki.CertificateField[],
): NameField[] {
  return attributes.map((attribute) => {
    const type = attribute.type;
    const shortName =
      (type === undefined ? undefined : SHORT_NAME_BY_OID[type]) ??
      attribute.shortName ??
      attribute.name ??
      type ??
      '?';
    const tag = attribute.valueTagClass as number | undefined;
    const raw = typeof attribute.value === 'string' ? attribute.value : String(attribute.value);
    return {
      shortName,
      value: decodeStringValue(raw, tag),
      ...(type === undefined ? {} : { type }),
      ...(tag === undefined ? {} : { valueTagClass: tag }),
    };
  });
}

/** Reads an X.501 Name (a SEQUENCE of RDN SETs) from ASN.1, decoding every string type. */
export function nameFromAsn1(name: forge.asn1.Asn1): NameField[] {
  if (!Array.isArray(name.value)) throw new Error('a Name must be a SEQUENCE');
  const fields: NameField[] = [];
  for (const rdn of name.value) {
    if (!Array.isArray(rdn.value)) throw new Error('an RDN must be a SET');
    for (const typeAndValue of rdn.value) {
      const [oidNode, valueNode] = Array.isArray(typeAndValue.value) ? typeAndValue.value : [];
      if (!oidNode || !valueNode || typeof oidNode.value !== 'string') {
        throw new Error('an attribute must be an OID and a value');
      }
      const type = forge.asn1.derToOid(oidNode.value);
      const raw = typeof valueNode.value === 'string' ? valueNode.value : '';
      fields.push({
        shortName: SHORT_NAME_BY_OID[type] ?? type,
        value: decodeStringValue(raw, valueNode.type),
        type,
        valueTagClass: valueNode.type,
      });
    }
  }
  return fields;
}

function defaultStringType(shortName: string): number {
  if (shortName === 'C') return Type.PRINTABLESTRING;
  if (shortName === 'emailAddress') return Type.IA5STRING;
  return Type.UTF8;
}

/** String types forge writes back byte for byte (UTF8String it re-encodes from text). */
function keepsEncoding(tag: number | undefined): tag is number {
  return (
    tag === Type.UTF8 ||
    tag === Type.PRINTABLESTRING ||
    tag === Type.IA5STRING ||
    tag === T61_STRING
  );
}

function decodeStringValue(raw: string, tag: number | undefined): string {
  if (tag === Type.UTF8) {
    try {
      return forge.util.decodeUtf8(raw);
    } catch {
      // Not valid UTF-8: show the bytes as they are rather than fail to show the name at all.
      return raw;
    }
  }
  if (tag === Type.BMPSTRING) {
    let text = '';
    for (let i = 0; i + 1 < raw.length; i += 2) {
      text += String.fromCharCode((raw.charCodeAt(i) << 8) | raw.charCodeAt(i + 1));
    }
    return text;
  }
  return raw;
}
