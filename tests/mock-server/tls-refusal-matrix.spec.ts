import { X509Certificate } from 'node:crypto';
import type { ConnectionOptions } from 'node:tls';

import { expect, test as base } from '@playwright/test';

import { issueCertificate } from '../../lib/pki/certificates.js';
import { issueCrl } from '../../lib/pki/crl.js';
import { createIdentity, type Identity } from '../../lib/pki/identity.js';
import { generateRsaKeyPair } from '../../lib/pki/keys.js';
import { startMockServer, type MockServer } from '../../mock-server/server.js';
import { rawExchange, type RawOutcome } from '../support/raw-tls.js';
import { clientLeaf, createTestCa, createTestPki, type TestPki } from '../support/test-pki.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const HEALTHCHECK = 'GET /healthcheck HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n';

/** Client identities for every case, made once per worker. */
interface MatrixPki extends TestPki {
  clients: Record<CertificateCaseName, Identity | undefined>;
  /** The leaf signed by the intermediate, presented with its chain: the control case. */
  withIntermediate: Identity;
}

type CertificateCaseName =
  | 'none'
  | 'selfSigned'
  | 'otherCa'
  | 'expired'
  | 'notYetValid'
  | 'serverAuthOnly'
  | 'wrongKeyUsage'
  | 'revoked'
  | 'rsa1024'
  | 'sha1'
  | 'caTrueLeaf'
  | 'caWithKeyCertSign'
  | 'missingIntermediate';

async function createMatrixPki(): Promise<MatrixPki> {
  const pki = await createTestPki('cdlx matrix CA');
  const { ca } = pki;
  const [otherCa, intermediate, selfSignedKeys] = await Promise.all([
    createTestCa('cdlx some other CA'),
    createTestCa('cdlx matrix intermediate CA', ca),
    generateRsaKeyPair(2048),
  ]);
  const leaf = clientLeaf;
  const [expired, notYetValid, serverAuthOnly, wrongKeyUsage, revoked, rsa1024, sha1] =
    await Promise.all([
      createIdentity(ca, leaf('expired', { notBefore: new Date(Date.now() - 5 * DAY_MS) })),
      createIdentity(ca, leaf('not yet valid', { notBefore: new Date(Date.now() + DAY_MS) })),
      createIdentity(ca, leaf('server auth only', { extendedKeyUsage: ['serverAuth'] })),
      createIdentity(ca, leaf('wrong key usage', { keyUsage: ['keyEncipherment'] })),
      createIdentity(ca, leaf('revoked')),
      createIdentity(ca, leaf('rsa 1024', { keySizeBits: 1024 })),
      createIdentity(ca, leaf('sha1 signed', { hash: 'sha1' })),
    ]);
  const [caTrueLeaf, caWithKeyCertSign, fromOtherCa, viaIntermediate] = await Promise.all([
    createIdentity(ca, leaf('ca true leaf', { isCa: true })),
    createIdentity(
      ca,
      leaf('ca with keyCertSign', { isCa: true, keyUsage: ['digitalSignature', 'keyCertSign'] }),
    ),
    createIdentity(otherCa, leaf('from other ca')),
    createIdentity(intermediate, leaf('via intermediate')),
  ]);
  const selfSigned: Identity = {
    keyPem: selfSignedKeys.privateKeyPem,
    certPem: issueCertificate({
      ...leaf('self signed'),
      publicKeyPem: selfSignedKeys.publicKeyPem,
      selfKeyPem: selfSignedKeys.privateKeyPem,
    }),
  };

  const revokedSerial = new X509Certificate(revoked.certPem).serialNumber;
  const crls = [
    issueCrl(ca, { revoked: [{ serialNumber: revokedSerial, revokedAt: new Date() }] }),
    issueCrl(intermediate),
  ];
  return {
    ...pki,
    tls: { ...pki.tls, clientCrlPem: crls.join('') },
    clients: {
      none: undefined,
      selfSigned,
      otherCa: fromOtherCa,
      expired,
      notYetValid,
      serverAuthOnly,
      wrongKeyUsage,
      revoked,
      rsa1024,
      sha1,
      caTrueLeaf,
      caWithKeyCertSign,
      missingIntermediate: viaIntermediate,
    },
    withIntermediate: {
      ...viaIntermediate,
      certPem: viaIntermediate.certPem + intermediate.certPem,
    },
  };
}

/** Each refused certificate, and what the server's log line must say about it. */
const CERTIFICATE_CASES: readonly { name: CertificateCaseName; title: string; logged: RegExp }[] = [
  { name: 'none', title: 'no client certificate', logged: /no client certificate/ },
  { name: 'selfSigned', title: 'a self-signed certificate', logged: /self-signed/ },
  { name: 'otherCa', title: 'a certificate from another CA', logged: /not issued by a CA/ },
  { name: 'expired', title: 'an expired certificate', logged: /expired \(not after/ },
  { name: 'notYetValid', title: 'a certificate not valid yet', logged: /not valid yet/ },
  { name: 'serverAuthOnly', title: 'a serverAuth-only certificate', logged: /INVALID_PURPOSE/ },
  {
    name: 'wrongKeyUsage',
    title: 'a certificate without digitalSignature',
    logged: /INVALID_PURPOSE/,
  },
  { name: 'revoked', title: 'a revoked certificate', logged: /revoked.*CERT_REVOKED/ },
  { name: 'rsa1024', title: 'an RSA-1024 certificate', logged: /RSA key of 1024 bits/ },
  { name: 'sha1', title: 'a SHA-1 signed certificate', logged: /sha1WithRSAEncryption/ },
  { name: 'caTrueLeaf', title: 'a CA:TRUE leaf', logged: /is a CA certificate/ },
  { name: 'caWithKeyCertSign', title: 'a CA certificate', logged: /is a CA certificate/ },
  {
    name: 'missingIntermediate',
    title: 'a leaf whose intermediate CA is not sent',
    logged: /intermediate CA is missing/,
  },
];

/** Good certificate, refused protocol: old TLS versions, suites without forward secrecy or AEAD. */
const PROTOCOL_CASES: readonly { title: string; tls: ConnectionOptions; logged: RegExp }[] = [
  {
    title: 'TLS 1.0',
    tls: { minVersion: 'TLSv1', maxVersion: 'TLSv1' },
    logged: /older than 1\.2/,
  },
  {
    title: 'TLS 1.1',
    tls: { minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1' },
    logged: /older than 1\.2/,
  },
  {
    title: 'a TLS 1.2 suite without forward secrecy (AES128-GCM-SHA256)',
    tls: { maxVersion: 'TLSv1.2', ciphers: 'AES128-GCM-SHA256' },
    logged: /no cipher suite in common/,
  },
  {
    title: 'a TLS 1.2 CBC suite (ECDHE-RSA-AES128-SHA256)',
    tls: { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES128-SHA256' },
    logged: /no cipher suite in common/,
  },
];

const VERSIONS = ['TLSv1.2', 'TLSv1.3'] as const;

const test = base.extend<{ mock: MockServer; logLines: string[] }, { pki: MatrixPki }>({
  pki: [async ({}, use) => use(await createMatrixPki()), { scope: 'worker' }],
  logLines: async ({}, use) => use([]),
  mock: async ({ pki, logLines }, use) => {
    const mock = await startMockServer({ tls: pki.tls, logger: (line) => logLines.push(line) });
    await use(mock);
    await mock.close();
  },
});

function send(
  mock: MockServer,
  pki: MatrixPki,
  identity: Identity | undefined,
  tls: ConnectionOptions,
) {
  return rawExchange({
    port: mock.port,
    ca: pki.ca.certPem,
    ...(identity ? { cert: identity.certPem, key: identity.keyPem } : {}),
    send: HEALTHCHECK,
    tls,
  });
}

/** No byte of HTTP came back, the API saw no request, and the server said why in one line. */
async function expectRefused(
  outcome: RawOutcome,
  mock: MockServer,
  logLines: string[],
  logged: RegExp,
): Promise<void> {
  expect(outcome.timedOut).toBe(false);
  expect(outcome.received, 'the server answered over HTTP').toBe('');
  expect(mock.sandbox.journal.size).toBe(0);
  const mine = (): string[] => logLines.filter((line) => line.includes(`:${outcome.localPort}:`));
  await expect.poll(() => mine().length).toBe(1);
  expect(mine()[0]).toMatch(logged);
}

test.describe('TLS refusal matrix', () => {
  for (const version of VERSIONS) {
    const pinned = { minVersion: version, maxVersion: version } as const;

    test(`accepts the good client certificate over ${version}`, async ({ mock, pki, logLines }) => {
      const outcome = await send(mock, pki, pki.client, pinned);

      expect(outcome.received).toMatch(/^HTTP\/1\.1 200 /);
      expect(logLines).toEqual([]);
    });

    test(`accepts a leaf sent with its intermediate CA over ${version}`, async ({ mock, pki }) => {
      const outcome = await send(mock, pki, pki.withIntermediate, pinned);

      expect(outcome.received).toMatch(/^HTTP\/1\.1 200 /);
    });

    for (const { name, title, logged } of CERTIFICATE_CASES) {
      test(`refuses ${title} over ${version}`, async ({ mock, pki, logLines }) => {
        const identity = pki.clients[name];

        const outcome = await send(mock, pki, identity, pinned);

        await expectRefused(outcome, mock, logLines, logged);
        const subject = identity && new X509Certificate(identity.certPem).subject;
        if (subject) expect(logLines.join('\n')).toContain(subject.split('\n').join(', '));
      });
    }
  }

  test('judges each connection by its own certificate, however often it comes back', async ({
    mock,
    pki,
    logLines,
  }) => {
    const caLeaf = pki.clients.caTrueLeaf!;
    const order = [pki.client, caLeaf, pki.client, caLeaf];

    const outcomes = [];
    for (const identity of order) outcomes.push(await send(mock, pki, identity, {}));

    expect(outcomes.map((outcome) => outcome.received.slice(0, 15))).toEqual([
      'HTTP/1.1 200 OK',
      '',
      'HTTP/1.1 200 OK',
      '',
    ]);
    await expect
      .poll(() => logLines.filter((line) => /is a CA certificate/.test(line)))
      .toHaveLength(2);
    const subject = new X509Certificate(pki.client.certPem).subject.split('\n').join(', ');
    expect(mock.sandbox.journal.read().entries.map((entry) => entry.clientSubject)).toEqual([
      subject,
      subject,
    ]);
  });

  for (const { title, tls, logged } of PROTOCOL_CASES) {
    test(`refuses ${title} with a good certificate`, async ({ mock, pki, logLines }) => {
      const outcome = await send(mock, pki, pki.client, tls);

      await expectRefused(outcome, mock, logLines, logged);
    });
  }

  test('refuses client-initiated renegotiation on TLS 1.2', async ({ mock, pki }) => {
    const outcome = await rawExchange({
      port: mock.port,
      ca: pki.ca.certPem,
      cert: pki.client.certPem,
      key: pki.client.keyPem,
      tls: { maxVersion: 'TLSv1.2' },
      send: (socket) => {
        socket.renegotiate({}, () => {});
        socket.write(HEALTHCHECK);
      },
    });

    expect(outcome.errorCode).toMatch(/NO_RENEGOTIATION|EPROTO/);
    expect(outcome.received).toBe('');
  });
});
