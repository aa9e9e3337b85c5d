import { expect, test as base } from '@playwright/test';

import { createIdentity } from '../../lib/pki/identity.js';
import { defaultMockLogger, isDebugEnabled } from '../../mock-server/logger.js';
import { startMockServer, type MockServer } from '../../mock-server/server.js';
import { rawExchange } from '../support/raw-tls.js';
import { clientLeaf, createTestCa, createTestPki, type TestPki } from '../support/test-pki.js';

const HEALTHCHECK = 'GET /healthcheck HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n';

const test = base.extend<{ logLines: string[] }, { pki: TestPki }>({
  pki: [async ({}, use) => use(await createTestPki()), { scope: 'worker' }],
  logLines: async ({}, use) => use([]),
});

async function withMock(
  pki: TestPki,
  logLines: string[],
  run: (mock: MockServer) => Promise<void>,
  allowedCidrs?: string[],
): Promise<void> {
  const mock = await startMockServer({
    tls: pki.tls,
    logger: (line) => logLines.push(line),
    ...(allowedCidrs ? { allowedCidrs } : {}),
  });
  try {
    await run(mock);
  } finally {
    await mock.close();
  }
}

/** Every 40-character run of a PEM body: enough to spot any piece of a key in a log. */
function pemFragments(pem: string): string[] {
  const body = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return Array.from({ length: Math.floor(body.length / 40) }, (_, i) =>
    body.slice(i * 40, i * 40 + 40),
  );
}

test.describe('mock logging', () => {
  test('is quiet unless CDLX_DEBUG names mock', () => {
    const written: string[] = [];
    const write = (text: string): void => {
      written.push(text);
    };

    defaultMockLogger({}, write)('one');
    defaultMockLogger({ CDLX_DEBUG: 'cli' }, write)('two');
    defaultMockLogger({ CDLX_DEBUG: 'cli,mock' }, write)('three');
    defaultMockLogger({ CDLX_DEBUG: '*' }, write)('four');

    expect(written).toEqual(['cdlx mock: three\n', 'cdlx mock: four\n']);
    expect(isDebugEnabled('mock', 'MOCK')).toBe(true);
  });

  test('logs a refused certificate once, with reason and subject and no key material', async ({
    pki,
    logLines,
  }) => {
    const otherCa = await createTestCa('cdlx logging other CA');
    const rogue = await createIdentity(otherCa, clientLeaf('cdlx logging rogue'));

    await withMock(pki, logLines, async (mock) => {
      const outcome = await rawExchange({
        port: mock.port,
        ca: pki.ca.certPem,
        cert: rogue.certPem,
        key: rogue.keyPem,
        send: HEALTHCHECK,
      });
      expect(outcome.received).toBe('');
    });

    expect(logLines).toHaveLength(1);
    expect(logLines[0]).toMatch(/^refused 127\.0\.0\.1:\d+: certificate not issued by a CA/);
    expect(logLines[0]).toContain('subject "O=cdlx tests, CN=cdlx logging rogue"');
    expect(logLines[0]).toContain('issuer "CN=cdlx logging other CA"');
    const text = logLines.join('\n');
    expect(text).not.toContain('PRIVATE KEY');
    for (const fragment of [...pemFragments(rogue.keyPem), ...pemFragments(pki.tls.keyPem)]) {
      expect(text).not.toContain(fragment);
    }
  });

  test('escapes a hostile subject so it cannot forge a second log line', async ({
    pki,
    logLines,
  }) => {
    const otherCa = await createTestCa('cdlx logging other CA');
    const forged = await createIdentity(otherCa, clientLeaf('x"\nrefused 10.0.0.1:1: all good'));

    await withMock(pki, logLines, async (mock) => {
      await rawExchange({
        port: mock.port,
        ca: pki.ca.certPem,
        cert: forged.certPem,
        key: forged.keyPem,
        send: HEALTHCHECK,
      });
    });

    expect(logLines).toHaveLength(1);
    expect(logLines[0]).not.toContain('\n');
    // OpenSSL escapes the newline (\0A); the quoting escapes the quote and that backslash.
    expect(logLines[0]).toMatch(
      /^refused 127\.0\.0\.1:\d+: .*subject "O=cdlx tests, CN=x\\.*0Arefused/,
    );
  });

  test('logs a source outside the allow-list once, before any TLS', async ({ pki, logLines }) => {
    await withMock(
      pki,
      logLines,
      async (mock) => {
        const outcome = await rawExchange({
          port: mock.port,
          ca: pki.ca.certPem,
          cert: pki.client.certPem,
          key: pki.client.keyPem,
          send: HEALTHCHECK,
        });
        expect(outcome.received).toBe('');
        await expect.poll(() => logLines.length).toBe(1);
      },
      ['127.0.0.2/32'],
    );

    expect(logLines).toEqual([
      expect.stringMatching(/^refused 127\.0\.0\.1:\d+: source address is not on the allow-list$/),
    ]);
  });

  test('logs nothing for a client it serves', async ({ pki, logLines }) => {
    await withMock(pki, logLines, async (mock) => {
      const outcome = await rawExchange({
        port: mock.port,
        ca: pki.ca.certPem,
        cert: pki.client.certPem,
        key: pki.client.keyPem,
        send: HEALTHCHECK,
      });
      expect(outcome.received).toMatch(/^HTTP\/1\.1 200 /);
    });

    expect(logLines).toEqual([]);
  });
});
