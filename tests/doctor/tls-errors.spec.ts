import { expect, test } from '@playwright/test';

import { certificateRefusalOf, isHangUp } from '../../lib/doctor/tls-errors.js';

/** What Node reports for each server alert, code and OpenSSL message as seen on Node 20. */
const ALERTS = [
  {
    code: 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
    message: 'ssl3_read_bytes:tlsv13 alert certificate required',
    reason: 'none-sent',
  },
  {
    code: 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
    message: 'ssl3_read_bytes:tlsv1 alert unknown ca',
    reason: 'unknown-ca',
  },
  {
    code: 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED',
    message: 'ssl3_read_bytes:sslv3 alert certificate expired',
    reason: 'expired',
  },
  {
    code: 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED',
    message: 'ssl3_read_bytes:sslv3 alert certificate revoked',
    reason: 'revoked',
  },
  {
    code: 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
    message: 'ssl3_read_bytes:sslv3 alert bad certificate',
    reason: 'bad-certificate',
  },
  {
    code: 'ERR_SSL_TLSV1_ALERT_ACCESS_DENIED',
    message: 'ssl3_read_bytes:tlsv1 alert access denied',
    reason: 'access-denied',
  },
] as const;

function opensslError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`80DC427F0C7F0000:error:0A00045C:SSL routines:${message}`), {
    code,
  });
}

test.describe('TLS alerts in plain words', () => {
  for (const { code, message, reason } of ALERTS) {
    test(`reads ${code} as ${reason}`, () => {
      expect(certificateRefusalOf(opensslError(code, message))?.reason).toBe(reason);
      // The code alone is enough: some platforms word the message differently.
      expect(certificateRefusalOf(opensslError(code, 'alert'))?.reason).toBe(reason);
    });
  }

  test('explains an unknown CA as the wrong certificate for the environment', () => {
    const refusal = certificateRefusalOf(opensslError(ALERTS[1].code, ALERTS[1].message));

    expect(refusal?.explanation).toBe(
      'the server does not trust the CA that signed our client certificate',
    );
    expect(refusal?.hint).toContain('pre-prod and prod certificates differ');
  });

  test('does not read a reset or a timeout as a certificate refusal', () => {
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });

    expect(certificateRefusalOf(reset)).toBeUndefined();
    expect(certificateRefusalOf(new Error('TCP connect got no answer'))).toBeUndefined();
    expect(isHangUp(reset)).toBe(true);
    expect(
      isHangUp(
        new Error(
          'Client network socket disconnected before secure TLS connection was established',
        ),
      ),
    ).toBe(true);
  });
});
