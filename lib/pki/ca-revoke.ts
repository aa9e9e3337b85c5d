import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { CdlxError } from '../errors.js';
import type { CaPaths, CertificateAuthority } from './ca.js';
import { issueCrl, parseCrl, type CrlContents } from './crl.js';
import { writeMaterialFile } from './write-material-file.js';

/** A CA's revocation list sits beside its certificate: ca.crt → ca.crl, local-ca.crt → local-ca.crl. */
export function crlPathFor(caPaths: CaPaths): string {
  return caPaths.certPath.replace(/(\.(crt|pem|cer))?$/i, '.crl');
}

/** Writes the empty revocation list of a new CA. */
export async function writeEmptyCrl(ca: CertificateAuthority): Promise<string> {
  const crlPath = crlPathFor(ca);
  await writeMaterialFile(crlPath, issueCrl(ca), 'public');
  return crlPath;
}

export interface RevokeResult {
  crlPath: string;
  /** Hex, as `openssl x509 -serial` and X509Certificate.serialNumber show it. */
  serialNumber: string;
  subject: string;
  revokedAt: string;
  /** true when the list already held the certificate and nothing was written. */
  alreadyRevoked: boolean;
  /** How many certificates the list holds now. */
  revokedCount: number;
}

/**
 * Adds `certificate` to the revocation list of the CA that signed it (the list is re-issued
 * and signed again, its CRL number one higher). Revoking twice changes nothing. A CA made before
 * the kit wrote lists gets its first one here.
 *
 * @example await revokeCertificate(await loadCa(caPathsInDir('vendor-ca')), cert, 'old.crt')
 */
export async function revokeCertificate(
  ca: CertificateAuthority,
  certificate: X509Certificate,
  certFile: string,
): Promise<RevokeResult> {
  const caCert = new X509Certificate(ca.certPem);
  const subject = certificate.subject.split('\n').join(', ');
  if (!certificate.checkIssued(caCert) || !certificate.verify(caCert.publicKey)) {
    throw new CdlxError(
      'CDLX_NOT_ISSUED_BY_CA',
      `${certFile} ("${subject}") was not signed by the CA in ${ca.certPath}; nothing was revoked.`,
      {
        hint: `Its issuer is "${certificate.issuer.split('\n').join(', ')}": revoke it with that CA's --ca-dir.`,
      },
    );
  }

  const crlPath = crlPathFor(ca);
  const current = await readCurrentCrl(crlPath, ca.certPem);
  const { serialNumber } = certificate;
  const listed = current?.revoked.find((entry) => entry.serialNumber === serialNumber);
  if (listed) {
    return {
      crlPath,
      serialNumber,
      subject,
      revokedAt: listed.revokedAt.toISOString(),
      alreadyRevoked: true,
      revokedCount: current!.revoked.length,
    };
  }

  const revokedAt = new Date();
  const revoked = [...(current?.revoked ?? []), { serialNumber, revokedAt }];
  const crlNumber = (current?.crlNumber ?? 0n) + 1n;
  await writeMaterialFile(crlPath, issueCrl(ca, { revoked, crlNumber }), 'public');
  return {
    crlPath,
    serialNumber,
    subject,
    revokedAt: revokedAt.toISOString(),
    alreadyRevoked: false,
    revokedCount: revoked.length,
  };
}

/** The list in place, undefined when there is none yet; a foreign or broken one is an error. */
async function readCurrentCrl(
  crlPath: string,
  caCertPem: string,
): Promise<CrlContents | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(crlPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CdlxError('CDLX_CRL_UNREADABLE', `Cannot read ${crlPath}.`, { cause: error });
  }
  try {
    return parseCrl(bytes, caCertPem);
  } catch (error) {
    throw new CdlxError(
      'CDLX_CRL_INVALID',
      `${crlPath} is not a revocation list of this CA: ${(error as Error).message}.`,
      {
        hint: 'Move it away and run the command again to start a new list; certificates only it revoked are then valid again.',
        cause: error,
      },
    );
  }
}
