import { X509Certificate } from 'node:crypto';

import { CdlxError } from '../lib/errors.js';
import { parseCrl, subjectDerOf, type CrlContents } from '../lib/pki/crl.js';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const PEM_CRL = /-----BEGIN X509 CRL-----[\s\S]*?-----END X509 CRL-----/g;

/** The PEM certificates in a bundle, one string each. */
export function certificateBlocks(pem: string): string[] {
  return pem.match(PEM_CERTIFICATE) ?? [];
}

/**
 * The revocation lists in `crlPem`, one string each (Node's `crl` option reads one list per
 * string). Given a list, OpenSSL demands one for every CA in a client's chain, so this checks
 * first, before the mock listens, that every CA it trusts for clients has a valid one: a missing
 * or expired list would refuse every client of that CA with a bare UNABLE_TO_GET_CRL or
 * CRL_HAS_EXPIRED. Saying so at start-up names the CA and the fix instead.
 */
export function loadClientCrls(caPem: string, crlPem: string, now = new Date()): string[] {
  const blocks = crlPem.match(PEM_CRL) ?? [];
  const crls = blocks.map((pem, index) => ({ pem, ...readCrl(pem, index) }));
  for (const caCertPem of certificateBlocks(caPem)) {
    const caName = new X509Certificate(caCertPem).subject.split('\n').join(', ');
    const subject = subjectDerOf(caCertPem);
    const crl = crls.find((candidate) => candidate.issuerDer.equals(subject));
    if (!crl) {
      throw new CdlxError(
        'CDLX_CRL_MISSING',
        `The mock has no revocation list for the CA "${caName}".`,
        {
          hint: 'With CRLs on, every trusted CA needs one, empty or not: `cdlx ca init` writes DIR/ca.crl, the local PKI certs/local-ca.crl.',
        },
      );
    }
    try {
      parseCrl(crl.pem, caCertPem);
    } catch (error) {
      throw new CdlxError(
        'CDLX_CRL_INVALID',
        `The revocation list for "${caName}" was not signed by that CA.`,
        {
          hint: 'Re-issue it from the CA folder with `cdlx ca revoke`, or recreate the CA.',
          cause: error,
        },
      );
    }
    if (crl.nextUpdate && crl.nextUpdate < now) {
      throw new CdlxError(
        'CDLX_CRL_EXPIRED',
        `The revocation list for "${caName}" expired on ${crl.nextUpdate.toISOString()}.`,
        {
          hint: 'OpenSSL would refuse every client of that CA: re-issue the list with `cdlx ca revoke`.',
        },
      );
    }
  }
  return blocks;
}

function readCrl(pem: string, index: number): CrlContents {
  try {
    return parseCrl(pem);
  } catch (error) {
    throw new CdlxError(
      'CDLX_CRL_UNREADABLE',
      `Revocation list ${index + 1} given to the mock cannot be read: ${(error as Error).message}.`,
      {
        hint: 'Give PEM lists ("BEGIN X509 CRL") as `cdlx ca init` and `cdlx ca revoke` write them.',
        cause: error,
      },
    );
  }
}
