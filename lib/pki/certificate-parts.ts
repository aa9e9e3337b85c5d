import type { X509Certificate } from 'node:crypto';

import { childAt, childrenOf, isContextTag, oidOf, parseDer } from './asn1-reader.js';
import { nameFromAsn1, type NameField } from './names.js';
import { describeSignatureAlgorithm, type SignatureAlgorithm } from './signature-algorithms.js';
import { readExtensions, type X509Extension } from './x509-extensions.js';

export interface CertificateParts {
  subject: NameField[];
  issuer: NameField[];
  signatureAlgorithm: SignatureAlgorithm;
  extensions: X509Extension[];
}

/**
 * What node:crypto's X509Certificate does not expose in Node 20: the names as fields, the
 * signature algorithm and the decoded extensions.
 */
export function readCertificateParts(certificate: Pick<X509Certificate, 'raw'>): CertificateParts {
  const root = parseDer(certificate.raw);
  const tbs = childAt(root, 0, 'the certificate');
  const tbsParts = childrenOf(tbs, 'the certificate body');
  // RFC 5280 §4.1: version [0] is optional (absent in v1 certificates).
  const offset = tbsParts[0] && isContextTag(tbsParts[0], 0) ? 1 : 0;
  const extensionsWrapper = tbsParts.find((part) => isContextTag(part, 3));
  return {
    subject: nameFromAsn1(childAt(tbs, offset + 4, 'the certificate body')),
    issuer: nameFromAsn1(childAt(tbs, offset + 2, 'the certificate body')),
    signatureAlgorithm: describeSignatureAlgorithm(
      oidOf(childAt(childAt(root, 1, 'the certificate'), 0, 'the algorithm'), 'the algorithm'),
    ),
    extensions: extensionsWrapper
      ? readExtensions(childAt(extensionsWrapper, 0, 'the extensions'))
      : [],
  };
}
