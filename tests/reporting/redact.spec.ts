import { generateKeyPairSync } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { MIN_LITERAL_SECRET_LENGTH, createRedactor } from '../../lib/reporting/redact.js';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzY29wZSI6ImFwaTpjdXN0b21lciJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';

test.describe('redaction', () => {
  test('removes registered secrets wherever they appear', () => {
    const redact = createRedactor(['opaque-token-123', 'pass phrase!']);

    expect(redact('Expected: "opaque-token-123" with pass phrase! set')).toBe(
      'Expected: "[redacted]" with [redacted] set',
    );
  });

  test('removes the session token header as the Playwright call log prints it', () => {
    const redact = createRedactor([]);

    expect(redact('  - X-CDLX-Session-Token: abc.def.ghi\u001b[22m\n  - accept: */*')).toBe(
      '  - X-CDLX-Session-Token: [redacted]\u001b[22m\n  - accept: */*',
    );
  });

  test('removes sessionToken fields in JSON, escaped JSON and pretty-printed objects', () => {
    const redact = createRedactor([]);

    expect(redact('{"sessionToken":"tok-1","requestId":"r"}')).toBe(
      '{"sessionToken":"[redacted]","requestId":"r"}',
    );
    expect(redact('{\\"sessionToken\\":\\"tok-2\\"}')).toBe(
      '{\\"sessionToken\\":\\"[redacted]\\"}',
    );
    expect(redact('Object { "sessionToken": "tok-3" }')).toBe(
      'Object { "sessionToken": "[redacted]" }',
    );
  });

  test('removes JWTs and PEM private keys anywhere', () => {
    const redact = createRedactor([]);
    // Keys made for the test, so that no key is ever written into the repository.
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    const sec1 = privateKey.export({ type: 'sec1', format: 'pem' }) as string;

    expect(redact(`got ${JWT} back`)).toBe('got [redacted] back');
    for (const pem of [pkcs8, sec1]) {
      const lines = pem.trimEnd().split('\n');
      expect(redact(`key: ${pem}`)).toBe(`key: ${lines[0]}[redacted]${lines.at(-1)}\n`);
    }
  });

  test('leaves short literal secrets alone so reports stay readable', () => {
    const short = 'x'.repeat(MIN_LITERAL_SECRET_LENGTH - 1);

    expect(createRedactor([short])(`a ${short} b`)).toBe(`a ${short} b`);
  });
});
