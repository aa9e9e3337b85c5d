import { createPrivateKey, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';

import forge from 'node-forge';

import { CdlxError, UsageError } from '../errors.js';
import { isSameKeyPair } from './keys.js';

/**
 * PBKDF2 and MAC iterations: OpenSSL 3's default for `openssl pkcs12 -export`
 * (PKCS12_DEFAULT_ITER). The PFX only needs to resist guessing while it travels; its passphrase
 * carries the real strength.
 */
export const PKCS12_ITERATIONS = 2048;
/** Salt length for the key encryption and the MAC (RFC 8018 asks for at least 8 octets). */
const SALT_SIZE_BYTES = 16;
/** RFC 7292 appendix B.3: the PKCS#12 KDF "ID" byte that derives a MAC key. */
const MAC_KEY_ID = 3;

export interface Pkcs12Contents {
  /** The certificate that goes with the key first, then the rest of the chain. */
  certificates: X509Certificate[];
  privateKey: KeyObject | undefined;
}

export interface CreatePkcs12Options {
  certificate: X509Certificate;
  privateKey: KeyObject;
  chain?: readonly X509Certificate[];
  passphrase: string;
}

/**
 * Builds a PKCS#12 file that OpenSSL 3 opens without its legacy provider: the key is encrypted
 * with PBES2 (AES-256-CBC, PBKDF2 with HMAC-SHA256) and the whole file is protected by an
 * HMAC-SHA256 MAC. forge would write an HMAC-SHA1 MAC, so the kit adds the MAC itself.
 */
export function createPkcs12(options: CreatePkcs12Options): Buffer {
  if (options.privateKey.asymmetricKeyType !== 'rsa') {
    throw new CdlxError(
      'CDLX_PFX_KEY_TYPE',
      `The private key is ${options.privateKey.asymmetricKeyType ?? 'of an unknown type'}, not RSA.`,
      { hint: 'Cardlytics signs RSA keys; make a new key and CSR with `npm run cdlx -- csr`.' },
    );
  }
  if (!/^[\x20-\x7e]+$/.test(options.passphrase)) {
    // PBES2 hashes the passphrase's UTF-8 bytes while the PKCS#12 MAC uses UTF-16; tools have
    // disagreed about non-ASCII passphrases for years, so the kit does not produce such files.
    throw new UsageError('The passphrase holds characters outside printable ASCII.', {
      hint: 'Choose a passphrase of letters, digits and ASCII punctuation.',
    });
  }

  const key = forge.pki.privateKeyFromPem(
    options.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  );
  const certificates = [options.certificate, ...(options.chain ?? [])].map(toForgeCertificate);
  const pfx = forge.pkcs12.toPkcs12Asn1(key, certificates, options.passphrase, {
    algorithm: 'aes256',
    count: PKCS12_ITERATIONS,
    saltSize: SALT_SIZE_BYTES,
    useMac: false,
    // Read by forge's encryptPrivateKeyInfo, which this call passes the options to.
    ...({ prfAlgorithm: 'sha256' } as object),
  });
  addSha256Mac(pfx, options.passphrase);
  return Buffer.from(forge.asn1.toDer(pfx).getBytes(), 'binary');
}

function toForgeCertificate(certificate: X509Certificate): forge.pki.Certificate {
  try {
    return forge.pki.certificateFromAsn1(forge.asn1.fromDer(certificate.raw.toString('binary')));
  } catch (error) {
    throw new CdlxError(
      'CDLX_PFX_CERT_TYPE',
      `The certificate "${certificate.subject.replace(/\n/g, ', ')}" does not hold an RSA key.`,
      {
        hint: 'Bundle only RSA certificates (leave the chain out if its CA is not RSA).',
        cause: error,
      },
    );
  }
}

/** RFC 7292 §5.1 step 3 and appendix B: MacData over the AuthenticatedSafe content octets. */
function addSha256Mac(pfx: forge.asn1.Asn1, passphrase: string): void {
  const { asn1 } = forge;
  const contentInfo = (pfx.value as forge.asn1.Asn1[])[1]!;
  const explicit = (contentInfo.value as forge.asn1.Asn1[])[1]!;
  const octets = (explicit.value as forge.asn1.Asn1[])[0]!;
  const authSafeDer = octets.value as string;

  const salt = randomBytes(SALT_SIZE_BYTES).toString('binary');
  const generateKey = (
    forge.pkcs12 as unknown as {
      generateKey(
        this: void,
        password: string,
        salt: forge.util.ByteStringBuffer,
        id: number,
        iterations: number,
        size: number,
        md: forge.md.MessageDigest,
      ): forge.util.ByteStringBuffer;
    }
  ).generateKey;
  const macKey = generateKey(
    passphrase,
    forge.util.createBuffer(salt),
    MAC_KEY_ID,
    PKCS12_ITERATIONS,
    32,
    forge.md.sha256.create(),
  );
  const hmac = forge.hmac.create();
  hmac.start('sha256', macKey.getBytes());
  hmac.update(authSafeDer);
  const digest = hmac.digest().getBytes();

  const seq = (children: forge.asn1.Asn1[]): forge.asn1.Asn1 =>
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, children);
  const macData = seq([
    seq([
      seq([
        asn1.create(
          asn1.Class.UNIVERSAL,
          asn1.Type.OID,
          false,
          asn1.oidToDer(forge.pki.oids.sha256!).getBytes(),
        ),
        asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ''),
      ]),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, digest),
    ]),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, salt),
    asn1.create(
      asn1.Class.UNIVERSAL,
      asn1.Type.INTEGER,
      false,
      asn1.integerToDer(PKCS12_ITERATIONS).getBytes(),
    ),
  ]);
  (pfx.value as forge.asn1.Asn1[]).push(macData);
}

/**
 * Opens a PKCS#12 file. `file` and `passphraseSource` (e.g. "the variable CDLX_PFX_PASS") name
 * what failed in errors; the passphrase itself never appears in one.
 */
export function readPkcs12(
  der: Buffer,
  passphrase: string,
  file: string,
  passphraseSource: string,
): Pkcs12Contents {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der.toString('binary')), passphrase);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/MAC could not be verified|Invalid password|decrypt/i.test(message)) {
      throw new CdlxError(
        'CDLX_WRONG_PASSPHRASE',
        `The passphrase in ${passphraseSource} does not open ${file}.`,
        {
          hint: 'Check the value of that variable, or ask whoever made the PFX for its passphrase.',
        },
      );
    }
    throw new CdlxError('CDLX_PFX_UNREADABLE', `${file} is a PKCS#12 file the kit cannot read.`, {
      hint: `Check it with \`openssl pkcs12 -info -noout -in ${file}\`. (${message})`,
      cause: error,
    });
  }

  const certificates: X509Certificate[] = [];
  for (const bag of p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ??
    []) {
    const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
    if (asn1) certificates.push(new X509Certificate(asn1ToBuffer(asn1)));
  }
  let privateKey: KeyObject | undefined;
  for (const bagType of [forge.pki.oids.pkcs8ShroudedKeyBag!, forge.pki.oids.keyBag!]) {
    for (const bag of p12.getBags({ bagType })[bagType] ?? []) {
      privateKey ??= bag.key
        ? createPrivateKey(forge.pki.privateKeyToPem(bag.key))
        : bag.asn1
          ? createPrivateKey({ key: asn1ToBuffer(bag.asn1), format: 'der', type: 'pkcs8' })
          : undefined;
    }
  }

  // Put the certificate that belongs to the key first, whatever order the file used.
  if (privateKey) {
    const key = privateKey;
    const leafIndex = certificates.findIndex((cert) => isSameKeyPair(cert.publicKey, key));
    if (leafIndex > 0) certificates.unshift(...certificates.splice(leafIndex, 1));
  }
  return { certificates, privateKey };
}

function asn1ToBuffer(node: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
}
