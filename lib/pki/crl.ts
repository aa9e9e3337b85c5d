import { createPrivateKey, sign, verify, X509Certificate } from 'node:crypto';

import forge from 'node-forge';

import {
  bitStringBytes,
  bytesOf,
  childAt,
  childrenOf,
  isContextTag,
  isUniversal,
  oidOf,
  parseDer,
  toDerBuffer,
  type Asn1,
} from './asn1-reader.js';
import type { Issuer } from './certificates.js';
import { CLOCK_SKEW_ALLOWANCE_MS } from './certificates.js';

/**
 * Certificate revocation lists (RFC 5280 §5). node-forge reads and writes certificates but not
 * CRLs, so the structure is built with forge.asn1 and the to-be-signed part is signed with
 * node:crypto, as sign.ts does for certificates. OpenSSL is the reader that matters: node's `crl`
 * option hands the list to it, and `openssl crl -noout -text -CAfile ca.crt` checks it.
 */

const { Class, Type } = forge.asn1;
const SHA256_WITH_RSA = forge.pki.oids.sha256WithRSAEncryption!;
const OID_AUTHORITY_KEY_ID = '2.5.29.35';
const OID_SUBJECT_KEY_ID = '2.5.29.14';
const OID_CRL_NUMBER = '2.5.29.20';
/** RFC 5280 §4.1.2.5: UTCTime up to 2049, GeneralizedTime from 2050 on. */
const UTC_TIME_LIMIT_MS = Date.UTC(2050, 0, 1);

/** One revoked certificate: its serial (hex, as X509Certificate.serialNumber gives it) and when. */
export interface RevokedCertificate {
  serialNumber: string;
  revokedAt: Date;
}

export interface CrlContents {
  /** The issuing CA's subject, DER: OpenSSL matches CRLs to CAs by it. */
  issuerDer: Buffer;
  thisUpdate: Date;
  nextUpdate: Date | undefined;
  /** RFC 5280 §5.2.3: grows by one with every list the CA issues. */
  crlNumber: bigint;
  revoked: RevokedCertificate[];
}

export interface IssueCrlOptions {
  revoked?: readonly RevokedCertificate[];
  crlNumber?: bigint;
  /** Defaults to now minus the clock-skew allowance, as certificates do. */
  thisUpdate?: Date;
  /**
   * Defaults to the CA's own expiry. OpenSSL refuses every certificate of a CA whose list is past
   * its nextUpdate (X509_V_ERR_CRL_HAS_EXPIRED), and a rehearsal CA publishes on no schedule: the
   * kit re-issues the list whenever it revokes something.
   */
  nextUpdate?: Date;
}

/**
 * Issues a CRL signed by `ca` (SHA-256) and returns it as PEM. An empty `revoked` gives the empty
 * list a TLS server needs for each CA it trusts once revocation checking is on.
 *
 * @example const crlPem = issueCrl(ca, { revoked: [{ serialNumber: 'AB12', revokedAt: new Date() }] });
 */
export function issueCrl(ca: Issuer, options: IssueCrlOptions = {}): string {
  const caCert = new X509Certificate(ca.certPem);
  const caTbs = tbsOf(parseDer(caCert.raw), 'the CA certificate');
  const thisUpdate = options.thisUpdate ?? new Date(Date.now() - CLOCK_SKEW_ALLOWANCE_MS);
  const nextUpdate = options.nextUpdate ?? new Date(Date.parse(caCert.validTo));
  const revoked = options.revoked ?? [];

  const tbsParts: Asn1[] = [
    integerNode(1n), // v2: required once extensions are present
    algorithmIdentifier(),
    caTbs.subject,
    timeNode(thisUpdate),
    timeNode(nextUpdate),
  ];
  if (revoked.length > 0) {
    tbsParts.push(sequence(revoked.map((entry) => revokedEntryNode(entry))));
  }
  const extensions = [crlNumberExtension(options.crlNumber ?? 1n)];
  const keyId = subjectKeyIdentifier(caTbs.extensions);
  if (keyId) extensions.unshift(authorityKeyIdExtension(keyId));
  tbsParts.push(forge.asn1.create(Class.CONTEXT_SPECIFIC, 0, true, [sequence(extensions)]));

  const tbs = sequence(tbsParts);
  const signature = sign('sha256', toDerBuffer(tbs), createPrivateKey(ca.keyPem));
  const crl = sequence([
    tbs,
    algorithmIdentifier(),
    forge.asn1.create(
      Class.UNIVERSAL,
      Type.BITSTRING,
      false,
      `\u0000${signature.toString('binary')}`,
    ),
  ]);
  return toPem(toDerBuffer(crl));
}

/**
 * Reads a CRL (PEM or DER, as text or bytes) and checks its signature against `caCertPem` when given. Throws an Error
 * saying which part is wrong; callers word it for people.
 */
export function parseCrl(crl: string | Buffer, caCertPem?: string): CrlContents {
  const text = typeof crl === 'string' ? crl : crl.toString('latin1');
  const der = text.includes('-----BEGIN') ? pemToDer(text) : Buffer.from(crl);
  const root = parseDer(der);
  const tbs = childAt(root, 0, 'the CRL');
  if (caCertPem !== undefined) {
    const signature = bitStringBytes(childAt(root, 2, 'the CRL'), 'the CRL signature');
    const caKey = new X509Certificate(caCertPem).publicKey;
    if (!verify('sha256', toDerBuffer(tbs), caKey, signature)) {
      throw new Error('its signature does not verify with the CA certificate');
    }
  }

  const parts = childrenOf(tbs, 'the CRL body');
  // RFC 5280 §5.1.2.1: version is optional (v1 lists omit it).
  let index = parts[0] && isUniversal(parts[0], Type.INTEGER) ? 2 : 1;
  const issuerDer = toDerBuffer(childAt(tbs, index++, 'the CRL body'));
  const thisUpdate = readTime(childAt(tbs, index++, 'the CRL body'));
  let nextUpdate: Date | undefined;
  const maybeNext = parts[index];
  if (maybeNext && isTime(maybeNext)) {
    nextUpdate = readTime(maybeNext);
    index++;
  }
  const revoked: RevokedCertificate[] = [];
  const maybeRevoked = parts[index];
  if (maybeRevoked && isUniversal(maybeRevoked, Type.SEQUENCE)) {
    for (const entry of childrenOf(maybeRevoked, 'the revoked certificates')) {
      revoked.push({
        serialNumber: serialHex(bytesOf(childAt(entry, 0, 'a revoked entry'), 'a serial number')),
        revokedAt: readTime(childAt(entry, 1, 'a revoked entry')),
      });
    }
  }
  const extensionsWrapper = parts.find((part) => isContextTag(part, 0));
  const crlNumberValue = extensionsWrapper
    ? extensionValue(childAt(extensionsWrapper, 0, 'the CRL extensions'), OID_CRL_NUMBER)
    : undefined;
  const crlNumber = crlNumberValue
    ? BigInt(
        `0x${Buffer.from(bytesOf(parseDerString(crlNumberValue), 'the CRL number'), 'binary').toString('hex') || '0'}`,
      )
    : 0n;
  return { issuerDer, thisUpdate, nextUpdate, crlNumber, revoked };
}

/** The certificate's issuer name as DER, to find the CRL that covers it. */
export function subjectDerOf(certPem: string): Buffer {
  return toDerBuffer(tbsOf(parseDer(new X509Certificate(certPem).raw), 'the certificate').subject);
}

interface TbsParts {
  subject: Asn1;
  extensions: Asn1 | undefined;
}

function tbsOf(root: Asn1, what: string): TbsParts {
  const tbs = childAt(root, 0, what);
  const parts = childrenOf(tbs, what);
  // RFC 5280 §4.1: version [0] is optional (absent in v1 certificates).
  const offset = parts[0] && isContextTag(parts[0], 0) ? 1 : 0;
  const extensionsWrapper = parts.find((part) => isContextTag(part, 3));
  return {
    subject: childAt(tbs, offset + 4, what),
    extensions: extensionsWrapper ? childAt(extensionsWrapper, 0, `${what} extensions`) : undefined,
  };
}

function subjectKeyIdentifier(extensions: Asn1 | undefined): string | undefined {
  const value = extensions ? extensionValue(extensions, OID_SUBJECT_KEY_ID) : undefined;
  return value === undefined ? undefined : bytesOf(parseDerString(value), 'the key identifier');
}

/** The OCTET STRING content of the extension with `oid`, as forge's binary string. */
function extensionValue(extensions: Asn1, oid: string): string | undefined {
  for (const extension of childrenOf(extensions, 'the extensions')) {
    const fields = childrenOf(extension, 'an extension');
    if (fields[0] && oidOf(fields[0], 'an extension id') === oid) {
      const octets = fields[fields.length - 1];
      return octets ? bytesOf(octets, 'an extension value') : undefined;
    }
  }
  return undefined;
}

function parseDerString(bytes: string): Asn1 {
  return parseDer(Buffer.from(bytes, 'binary'));
}

function revokedEntryNode(entry: RevokedCertificate): Asn1 {
  return sequence([integerFromHex(entry.serialNumber), timeNode(entry.revokedAt)]);
}

function authorityKeyIdExtension(keyId: string): Asn1 {
  // AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING, ... }
  const value = sequence([forge.asn1.create(Class.CONTEXT_SPECIFIC, 0, false, keyId)]);
  return extension(OID_AUTHORITY_KEY_ID, value);
}

function crlNumberExtension(crlNumber: bigint): Asn1 {
  return extension(OID_CRL_NUMBER, integerNode(crlNumber));
}

function extension(oid: string, value: Asn1): Asn1 {
  return sequence([
    forge.asn1.create(Class.UNIVERSAL, Type.OID, false, forge.asn1.oidToDer(oid).getBytes()),
    forge.asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, forge.asn1.toDer(value).getBytes()),
  ]);
}

function algorithmIdentifier(): Asn1 {
  return sequence([
    forge.asn1.create(
      Class.UNIVERSAL,
      Type.OID,
      false,
      forge.asn1.oidToDer(SHA256_WITH_RSA).getBytes(),
    ),
    forge.asn1.create(Class.UNIVERSAL, Type.NULL, false, ''),
  ]);
}

function sequence(children: Asn1[]): Asn1 {
  return forge.asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, children);
}

function integerNode(value: bigint): Asn1 {
  return integerFromHex(value.toString(16));
}

/** A positive INTEGER from hex digits: padded to whole octets, with a 00 octet if the top bit is set. */
function integerFromHex(hex: string): Asn1 {
  let digits = hex.replace(/^0+(?=.)/, '').toLowerCase();
  if (digits.length % 2 === 1) digits = `0${digits}`;
  if (Number.parseInt(digits.slice(0, 2), 16) >= 0x80) digits = `00${digits}`;
  return forge.asn1.create(
    Class.UNIVERSAL,
    Type.INTEGER,
    false,
    Buffer.from(digits, 'hex').toString('binary'),
  );
}

/** X509Certificate.serialNumber's form: upper-case hex without leading zero octets. */
function serialHex(bytes: string): string {
  return Buffer.from(bytes, 'binary')
    .toString('hex')
    .replace(/^(00)+(?=.)/, '')
    .toUpperCase();
}

function timeNode(date: Date): Asn1 {
  // Whole seconds: RFC 5280 §5.1.2.4 forbids fractions, and forge would not write them anyway.
  const whole = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return whole.getTime() < UTC_TIME_LIMIT_MS
    ? forge.asn1.create(Class.UNIVERSAL, Type.UTCTIME, false, forge.asn1.dateToUtcTime(whole))
    : forge.asn1.create(
        Class.UNIVERSAL,
        Type.GENERALIZEDTIME,
        false,
        forge.asn1.dateToGeneralizedTime(whole),
      );
}

function isTime(node: Asn1): boolean {
  return isUniversal(node, Type.UTCTIME) || isUniversal(node, Type.GENERALIZEDTIME);
}

function readTime(node: Asn1): Date {
  const text = bytesOf(node, 'a time');
  if (isUniversal(node, Type.UTCTIME)) return forge.asn1.utcTimeToDate(text);
  if (isUniversal(node, Type.GENERALIZEDTIME)) return forge.asn1.generalizedTimeToDate(text);
  throw new Error('a time is neither UTCTime nor GeneralizedTime');
}

function toPem(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN X509 CRL-----\n${lines.join('\n')}\n-----END X509 CRL-----\n`;
}

function pemToDer(pem: string): Buffer {
  const match = /-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/.exec(pem);
  if (!match) throw new Error('it holds no "BEGIN X509 CRL" block');
  return Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64');
}
