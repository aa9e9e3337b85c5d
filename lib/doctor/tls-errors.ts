/**
 * Plain words for what a server's TLS alert says about our client certificate. OpenSSL reports
 * an alert as a code (ERR_SSL_TLSV1_ALERT_UNKNOWN_CA) and a message ("tlsv1 alert unknown ca");
 * both are matched, with underscores read as spaces. Alert names: RFC 8446 §6.2.
 */
export interface CertificateRefusal {
  reason:
    | 'none-sent'
    | 'unknown-ca'
    | 'expired'
    | 'revoked'
    | 'bad-certificate'
    | 'unsupported-certificate'
    | 'certificate-unknown'
    | 'access-denied'
    | 'handshake-failure'
    | 'decrypt-error';
  /** What the alert means for the person running the check. */
  explanation: string;
  hint: string;
}

const RENEW =
  'Send a new CSR (`npm run cdlx -- csr --env <env>`) and use the certificate that comes back.';

const REFUSALS: readonly [RegExp, CertificateRefusal][] = [
  [
    /alert certificate required/,
    {
      reason: 'none-sent',
      explanation: 'the server asked for a client certificate and received none',
      hint: 'Set the certificate and key (or PFX) variables of this target; check the files are not empty.',
    },
  ],
  [
    /alert unknown ca/,
    {
      reason: 'unknown-ca',
      explanation: 'the server does not trust the CA that signed our client certificate',
      hint: 'Use the certificate Cardlytics signed for this environment (pre-prod and prod certificates differ); check it with `npm run cdlx -- cert inspect`.',
    },
  ],
  [
    /alert certificate expired/,
    {
      reason: 'expired',
      explanation: 'the server says our client certificate has expired',
      hint: RENEW,
    },
  ],
  [
    /alert certificate revoked/,
    {
      reason: 'revoked',
      explanation: 'our client certificate has been revoked',
      hint: `Ask Cardlytics why it was revoked, then: ${RENEW}`,
    },
  ],
  [
    /alert bad certificate/,
    {
      reason: 'bad-certificate',
      explanation:
        'the server refused our client certificate as unusable (wrong key usage, bad signature, or not valid yet)',
      hint: 'Check it with `npm run cdlx -- cert inspect --cert <file> --key <file>`.',
    },
  ],
  [
    /alert unsupported certificate/,
    {
      reason: 'unsupported-certificate',
      explanation: 'the server does not accept this kind of certificate (key type or usage)',
      hint: 'Check that the certificate allows clientAuth and uses an RSA key; `cdlx cert inspect` shows both.',
    },
  ],
  [
    /alert certificate unknown/,
    {
      reason: 'certificate-unknown',
      explanation: 'the server refused our client certificate without a specific reason',
      hint: 'Check it with `npm run cdlx -- cert inspect`, then ask Cardlytics which check failed.',
    },
  ],
  [
    /alert access denied/,
    {
      reason: 'access-denied',
      explanation: 'the server accepted our certificate as valid but denies it access',
      hint: 'Ask Cardlytics to enable this certificate for the environment.',
    },
  ],
  [
    /alert handshake failure/,
    {
      reason: 'handshake-failure',
      explanation:
        'the server ended the handshake: no common TLS settings, or it refused our certificate without saying why',
      hint: 'Check the certificate with `npm run cdlx -- cert inspect`; TLS 1.2 or later is required.',
    },
  ],
  [
    /alert decrypt error/,
    {
      reason: 'decrypt-error',
      explanation:
        'the server could not verify our signature: the key does not match the certificate',
      hint: 'Use the key the CSR was made from: `npm run cdlx -- cert inspect --cert <file> --key <file>`.',
    },
  ],
];

function normalise(error: NodeJS.ErrnoException): string {
  return `${error.code ?? ''} ${error.message}`.toLowerCase().replaceAll('_', ' ');
}

/** The refusal an error reports, when it is a TLS alert about our client certificate. */
export function certificateRefusalOf(error: unknown): CertificateRefusal | undefined {
  if (!(error instanceof Error)) return undefined;
  const text = normalise(error);
  return REFUSALS.find(([pattern]) => pattern.test(text))?.[1];
}

/** Whether the peer spoke TLS at all before failing (an alert), as opposed to hanging up. */
export function isTlsAlert(error: unknown): boolean {
  return error instanceof Error && /\balert\b/.test(normalise(error));
}

/** A reset or hang-up without any TLS word from the server. */
export function isHangUp(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return (
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    /socket hang up|disconnected before secure tls connection/i.test(error.message)
  );
}

/** Plain words for Node's reasons to distrust a server certificate (X509_V_ERR_* codes). */
export function explainServerTrustError(code: string): string {
  switch (code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return 'it is not signed by a CA this machine trusts';
    case 'CERT_HAS_EXPIRED':
      return 'it has expired';
    case 'CERT_NOT_YET_VALID':
      return 'it is not valid yet (check this machine’s clock)';
    case 'CERT_REVOKED':
      return 'it has been revoked';
    default:
      return `OpenSSL says ${code}`;
  }
}
