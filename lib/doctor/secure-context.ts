import { readFile } from 'node:fs/promises';
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';

import { CdlxError } from '../errors.js';
import type { Target } from '../targets/target.js';

/**
 * One TLS context per identity, built once and reused by every connection doctor opens (building
 * one per connection costs a key parse each time). It holds our client certificate and the CAs
 * we trust for the server: the system store, the user's NODE_EXTRA_CA_CERTS file, and the
 * target's extra CA. Listing CAs replaces Node's default store, hence the first two.
 */
export async function createTargetContext(target: Target): Promise<SecureContext> {
  const identity =
    target.identity.kind === 'pem'
      ? {
          cert: await readSetting(target.identity.certPath, 'client certificate'),
          key: await readSetting(target.identity.keyPath, 'private key'),
        }
      : {
          pfx: await readSetting(target.identity.pfxPath, 'PFX'),
          passphrase: target.identity.passphrase,
        };
  const ca = await trustedCas(target.extraCaPaths);
  try {
    return createSecureContext({ ...identity, ...(ca ? { ca } : {}), minVersion: 'TLSv1.2' });
  } catch (error) {
    throw explainContextError(error, target);
  }
}

async function trustedCas(extraCaPaths: readonly string[]): Promise<string[] | undefined> {
  if (extraCaPaths.length === 0) return undefined;
  const extras = await Promise.all(extraCaPaths.map((file) => readSetting(file, 'CA')));
  const userBundle = process.env.NODE_EXTRA_CA_CERTS;
  const fromUser = userBundle
    ? await readFile(userBundle, 'utf8').catch(() => undefined)
    : undefined;
  return [...rootCertificates, ...(fromUser ? [fromUser] : []), ...extras.map(String)];
}

async function readSetting(file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new CdlxError(
      'CDLX_DOCTOR_UNREADABLE',
      `Cannot read the ${what} file set for this target.`,
      {
        hint: 'Check the path in the target variables and that this user may read it.',
        cause: error,
      },
    );
  }
}

/** OpenSSL's words for a bad identity, turned into what to do. */
function explainContextError(error: unknown, target: Target): CdlxError {
  const text =
    error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}` : '';
  const kind = target.identity.kind;
  if (/KEY_VALUES_MISMATCH|key values mismatch/i.test(text)) {
    return new CdlxError(
      'CDLX_DOCTOR_KEY_MISMATCH',
      'The private key does not match the client certificate.',
      {
        hint: 'Each certificate works only with the key its CSR came from; check with `npm run cdlx -- cert inspect --cert <file> --key <file>`.',
        cause: error,
      },
    );
  }
  if (kind === 'pfx' && /mac verify|invalid password|bad decrypt/i.test(text)) {
    return new CdlxError(
      'CDLX_DOCTOR_PFX_PASSPHRASE',
      'The PFX cannot be opened with the passphrase given.',
      {
        hint: 'Check the PFX passphrase variable of this target (an empty value means no passphrase).',
        cause: error,
      },
    );
  }
  if (kind === 'pfx' && /unsupported/i.test(text)) {
    return new CdlxError(
      'CDLX_DOCTOR_PFX_LEGACY',
      'The PFX uses a legacy cipher that OpenSSL 3 no longer reads.',
      {
        hint: 'Re-create it with `npm run cdlx -- cert bundle`, or use the PEM certificate and key instead.',
        cause: error,
      },
    );
  }
  return new CdlxError(
    'CDLX_DOCTOR_IDENTITY',
    `The client identity cannot be loaded: ${text.trim()}.`,
    {
      hint: 'Check the files with `npm run cdlx -- cert inspect`.',
      cause: error,
    },
  );
}
