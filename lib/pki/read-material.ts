import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';

import forge from 'node-forge';

import { CdlxError, UsageError } from '../errors.js';
import { childAt, childrenOf, isUniversal, oidOf, parseDer, type Asn1 } from './asn1-reader.js';
import { parseCsr } from './parse-csr.js';
import { readPkcs12 } from './pkcs12.js';

export type MaterialFormat = 'pem' | 'der' | 'pfx';

/** Everything one file holds that the kit can use. */
export interface Material {
  /** The path as the user gave it, for messages. */
  file: string;
  format: MaterialFormat;
  certificates: X509Certificate[];
  privateKey: KeyObject | undefined;
  /** CSRs as DER; `parseCsr` reads them. */
  csrs: Buffer[];
}

export interface ReadMaterialOptions {
  /** Opens a PFX or an encrypted private key. */
  passphrase?: string;
  /** Where the passphrase came from, for messages, e.g. "the variable CDLX_PFX_PASS". */
  passphraseSource?: string;
}

/** Certificates, keys and CSRs are a few kilobytes; anything far larger is the wrong file. */
const MAX_MATERIAL_BYTES = 1024 * 1024;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;
const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const CSR_LABELS = new Set(['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST']);
const KEY_LABELS = new Set([
  'PRIVATE KEY',
  'RSA PRIVATE KEY',
  'EC PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
]);
/** RFC 2315 data and signedData content types: how a PFX's authSafe starts. */
const PKCS7_CONTENT_TYPES = new Set(['1.2.840.113549.1.7.1', '1.2.840.113549.1.7.2']);

/**
 * Reads a PEM, DER or PKCS#12 file and returns what it holds. Every failure is one sentence that
 * names the file: missing or a folder (a usage error, exit 2), unreadable, empty, garbage,
 * truncated, damaged, encrypted without a passphrase, or the wrong passphrase.
 *
 * @example const { certificates } = await readMaterial('preprod.crt');
 */
export async function readMaterial(
  file: string,
  options: ReadMaterialOptions = {},
): Promise<Material> {
  const bytes = await readBytes(file);
  const text = bytes.toString('latin1');
  if (text.includes('-----BEGIN ')) return readPem(file, text, options);
  return readDer(file, bytes, options);
}

/** Reads a file that must hold a certificate; the first one is the subject of any check. */
export async function readCertificateFile(
  file: string,
  options: ReadMaterialOptions = {},
): Promise<Material & { certificate: X509Certificate }> {
  const material = await readMaterial(file, options);
  const [certificate] = material.certificates;
  if (!certificate) throw wrongContent(file, 'a certificate', material);
  return { ...material, certificate };
}

export async function readPrivateKeyFile(
  file: string,
  options: ReadMaterialOptions = {},
): Promise<KeyObject> {
  const material = await readMaterial(file, options);
  if (!material.privateKey) throw wrongContent(file, 'a private key', material);
  return material.privateKey;
}

/** Reads a file that must hold exactly one CSR, PEM or DER; returns it as DER. */
export async function readCsrFile(file: string): Promise<Buffer> {
  const material = await readMaterial(file);
  const [csr, ...others] = material.csrs;
  if (!csr) throw wrongContent(file, 'a CSR', material);
  if (others.length > 0) {
    throw new CdlxError('CDLX_MATERIAL_CONTENT', `${file} holds ${material.csrs.length} CSRs.`, {
      hint: 'Keep one CSR per file, as you will send them to Cardlytics.',
    });
  }
  return csr;
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      throw new UsageError(`${file} is a folder, not a file.`, {
        hint: 'Name the file inside it, e.g. certs/preprod.crt.',
      });
    }
    if (info.size > MAX_MATERIAL_BYTES) {
      throw new CdlxError('CDLX_MATERIAL_TOO_LARGE', `${file} is ${info.size} bytes long.`, {
        hint: 'Certificates, keys and CSRs are a few kilobytes; check that you named the right file.',
      });
    }
    const bytes = await readFile(file);
    if (bytes.length === 0) {
      throw new CdlxError('CDLX_MATERIAL_EMPTY', `${file} is empty.`, {
        hint: 'Copy the material into it again, or point at the right file.',
      });
    }
    return bytes;
  } catch (error) {
    if (error instanceof CdlxError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new UsageError(`Cannot find the file ${file}.`, {
        hint: `Check the path (relative paths start from ${process.cwd()}).`,
      });
    }
    throw new CdlxError('CDLX_MATERIAL_UNREADABLE', `Cannot read ${file} (${code ?? 'error'}).`, {
      hint: 'Check the file permissions: run as the user that owns it.',
      cause: error,
    });
  }
}

function readPem(file: string, text: string, options: ReadMaterialOptions): Material {
  const material: Material = {
    file,
    format: 'pem',
    certificates: [],
    privateKey: undefined,
    csrs: [],
  };
  const beginCount = text.match(/-----BEGIN [A-Z0-9 ]+-----/g)?.length ?? 0;
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (blocks.length < beginCount) {
    const lastLabel = /-----BEGIN ([A-Z0-9 ]+)-----(?![\s\S]*-----BEGIN)/.exec(text)?.[1];
    throw new CdlxError(
      'CDLX_MATERIAL_TRUNCATED',
      `${file} is truncated: its "BEGIN ${lastLabel ?? '...'}" line has no matching END line.`,
      { hint: 'Copy the whole file again, from the BEGIN line to the END line.' },
    );
  }

  for (const [block, label = '', body = '', endLabel] of blocks) {
    if (label !== endLabel) {
      throw damaged(file, `its "BEGIN ${label}" block ends with "END ${endLabel}"`);
    }
    if (CERTIFICATE_LABELS.has(label)) {
      material.certificates.push(parseCertificate(file, decodePemBody(file, label, body)));
    } else if (CSR_LABELS.has(label)) {
      material.csrs.push(decodePemBody(file, label, body));
    } else if (KEY_LABELS.has(label)) {
      if (material.privateKey) {
        throw new CdlxError('CDLX_MATERIAL_CONTENT', `${file} holds more than one private key.`, {
          hint: 'Keep one private key per file.',
        });
      }
      // RFC 5958 encrypted PKCS#8, or the legacy OpenSSL "Proc-Type: 4,ENCRYPTED" header.
      const isEncrypted =
        label === 'ENCRYPTED PRIVATE KEY' || /Proc-Type:\s*4,ENCRYPTED/.test(body);
      material.privateKey = parsePrivateKey(
        file,
        { key: block, format: 'pem' },
        options,
        isEncrypted,
      );
    }
  }
  return material;
}

function decodePemBody(file: string, label: string, body: string): Buffer {
  // RFC 7468 §3: base64 lines only; a header such as "Proc-Type:" is for keys, read elsewhere.
  const base64 = body.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) {
    throw damaged(file, `its ${label} block is not valid base64`);
  }
  return Buffer.from(base64, 'base64');
}

function readDer(file: string, bytes: Buffer, options: ReadMaterialOptions): Material {
  let root: Asn1;
  try {
    root = parseDer(bytes);
  } catch {
    throw new CdlxError(
      'CDLX_MATERIAL_GARBAGE',
      `${file} is neither PEM nor DER: it holds no certificate, key or CSR the kit can read.`,
      { hint: 'Expected a PEM file ("-----BEGIN ..."), a DER file or a .pfx/.p12 bundle.' },
    );
  }
  const material: Material = {
    file,
    format: 'der',
    certificates: [],
    privateKey: undefined,
    csrs: [],
  };

  if (isPfx(root)) {
    if (options.passphrase === undefined) {
      throw new UsageError(`${file} is a PKCS#12 (PFX) file, which needs its passphrase.`, {
        hint: 'Put the passphrase in an environment variable and add --passphrase-env NAME.',
      });
    }
    const contents = readPkcs12(
      bytes,
      options.passphrase,
      file,
      options.passphraseSource ?? 'the passphrase given',
    );
    return { ...material, format: 'pfx', ...contents };
  }
  const certificate = tryCertificate(bytes);
  if (certificate) return { ...material, certificates: [certificate] };
  if (isCsr(bytes, file)) return { ...material, csrs: [bytes] };
  const keyType = derPrivateKeyType(root);
  if (keyType) {
    return {
      ...material,
      privateKey: parsePrivateKey(
        file,
        { key: bytes, format: 'der', type: keyType === 'encrypted-pkcs8' ? 'pkcs8' : keyType },
        options,
        keyType === 'encrypted-pkcs8',
      ),
    };
  }
  throw new CdlxError(
    'CDLX_MATERIAL_CONTENT',
    `${file} is DER, but not a certificate, CSR, private key or PKCS#12 file.`,
    { hint: 'Check that you picked the right file.' },
  );
}

/** RFC 7292 §4: PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo, macData OPTIONAL } */
function isPfx(root: Asn1): boolean {
  try {
    const version = childAt(root, 0, 'PFX');
    const contentType = oidOf(childAt(childAt(root, 1, 'PFX'), 0, 'authSafe'), 'content type');
    return (
      isUniversal(version, forge.asn1.Type.INTEGER) &&
      version.value === '\x03' &&
      PKCS7_CONTENT_TYPES.has(contentType)
    );
  } catch {
    return false;
  }
}

function isCsr(der: Buffer, file: string): boolean {
  try {
    parseCsr(der, file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Tells the DER private key encodings apart by their first elements: PKCS#8 (RFC 5208: version,
 * algorithm, key; encrypted: algorithm, data), PKCS#1 (RFC 8017: version, modulus, ...) and SEC 1
 * (RFC 5915: version 1, key octets).
 */
function derPrivateKeyType(root: Asn1): 'pkcs8' | 'encrypted-pkcs8' | 'pkcs1' | 'sec1' | undefined {
  try {
    const [first, second] = childrenOf(root, 'key');
    if (!first || !second) return undefined;
    const { Type } = forge.asn1;
    if (isUniversal(first, Type.SEQUENCE) && isUniversal(second, Type.OCTETSTRING)) {
      return 'encrypted-pkcs8';
    }
    if (!isUniversal(first, Type.INTEGER)) return undefined;
    if (isUniversal(second, Type.SEQUENCE)) return 'pkcs8';
    if (isUniversal(second, Type.INTEGER)) return 'pkcs1';
    if (isUniversal(second, Type.OCTETSTRING)) return 'sec1';
    return undefined;
  } catch {
    return undefined;
  }
}

function tryCertificate(der: Buffer): X509Certificate | undefined {
  try {
    return new X509Certificate(der);
  } catch {
    return undefined;
  }
}

function parseCertificate(file: string, der: Buffer): X509Certificate {
  try {
    return new X509Certificate(der);
  } catch (error) {
    throw damaged(file, 'its CERTIFICATE block does not parse', error);
  }
}

function parsePrivateKey(
  file: string,
  input: { key: string | Buffer; format: 'pem' | 'der'; type?: 'pkcs8' | 'pkcs1' | 'sec1' },
  options: ReadMaterialOptions,
  isEncrypted: boolean,
): KeyObject {
  if (isEncrypted && options.passphrase === undefined) {
    throw new UsageError(`${file} holds an encrypted private key, which needs its passphrase.`, {
      hint: 'Put its passphrase in an environment variable and add --passphrase-env NAME.',
    });
  }
  try {
    return createPrivateKey({
      ...input,
      ...(options.passphrase === undefined ? {} : { passphrase: options.passphrase }),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const message = error instanceof Error ? error.message : '';
    if (options.passphrase !== undefined && /bad decrypt|decrypt/i.test(`${code} ${message}`)) {
      throw new CdlxError(
        'CDLX_WRONG_PASSPHRASE',
        `The passphrase in ${options.passphraseSource ?? 'the passphrase given'} does not open ${file}.`,
        { hint: 'Check the value of that variable.' },
      );
    }
    // node:crypto's message names the OpenSSL routine, never the key's content.
    throw damaged(file, 'its private key does not parse', error);
  }
}

function damaged(file: string, what: string, cause?: unknown): CdlxError {
  return new CdlxError('CDLX_MATERIAL_DAMAGED', `${file} is damaged: ${what}.`, {
    hint: 'Copy the file again from its source; if it was edited by hand, start from the original.',
    ...(cause === undefined ? {} : { cause }),
  });
}

function wrongContent(file: string, expected: string, material: Material): CdlxError {
  const held = [
    material.certificates.length > 0 ? 'certificates' : '',
    material.privateKey ? 'a private key' : '',
    material.csrs.length > 0 ? 'a CSR' : '',
  ].filter(Boolean);
  const holds = held.length > 0 ? held.join(' and ') : 'nothing the kit can use';
  return new CdlxError('CDLX_MATERIAL_CONTENT', `${file} holds ${holds}, not ${expected}.`, {
    hint: 'Check that you gave each option the right file.',
  });
}
