import { createServer } from 'node:net';
import { createServer as createTlsServer, type Server } from 'node:tls';

import { expect } from '@playwright/test';

import { runDoctor } from '../../lib/doctor/run-doctor.js';
import { caPathsInDir, loadCa } from '../../lib/pki/ca.js';
import { createIdentity } from '../../lib/pki/identity.js';
import { preprodTarget, test } from './vendor-fixtures.js';

test.describe('doctor against stand-ins', () => {
  test('passes every step against a stand-in that trusts our certificate and address', async ({
    startPreprod,
    vendorClient,
  }) => {
    const standIn = await startPreprod();

    const report = await runDoctor({ target: preprodTarget(standIn, vendorClient) });

    expect(report.steps.map((step) => `${step.id} ${step.status}`)).toEqual([
      'certificate pass',
      'dns pass',
      'tcp pass',
      'tls pass',
      'client-certificate pass',
      'healthcheck pass',
      'start-session pass',
    ]);
    expect(report).toMatchObject({ ok: true, verdict: 'ok', sourceAddress: '127.0.0.1' });
  });

  test('says the source address is probably not allow-listed when the stand-in drops it', async ({
    startPreprod,
    vendorClient,
  }) => {
    const standIn = await startPreprod({ allowedCidrs: ['127.0.0.2/32'] });

    const report = await runDoctor({ target: preprodTarget(standIn, vendorClient) });

    expect(report.verdict).toBe('not-allow-listed');
    expect(report.summary).toContain(
      'the source address 127.0.0.1 is probably not on the allow-list',
    );
    expect(report.steps.find((step) => step.id === 'tcp')?.status).toBe('pass');
    expect(report.steps.find((step) => step.id === 'tls')?.hint).toContain('sends from 127.0.0.1');
  });

  test('connects from the address given and passes when that one is allowed', async ({
    startPreprod,
    vendorClient,
  }) => {
    const standIn = await startPreprod({ allowedCidrs: ['127.0.0.2/32'] });

    const report = await runDoctor({
      target: preprodTarget(standIn, vendorClient),
      localAddress: '127.0.0.2',
    });

    expect(report).toMatchObject({ ok: true, sourceAddress: '127.0.0.2' });
  });

  test('says the certificate was refused when the stand-in CA did not sign it', async ({
    startPreprod,
    strangerClient,
  }) => {
    const standIn = await startPreprod();

    const report = await runDoctor({ target: preprodTarget(standIn, strangerClient) });

    expect(report.verdict).toBe('certificate-refused');
    expect(report.summary).toContain('refused our client certificate');
    expect(report.steps.find((step) => step.id === 'tls')?.status).toBe('pass');
  });

  test('says the certificate was refused when a TLS 1.2 server hangs up mid-handshake', async ({
    vendorCaDir,
    strangerClient,
  }) => {
    // TLS 1.2 servers judge the client certificate inside the handshake; Node's then hangs up
    // without an alert, after its own certificate went out: not the silence of an allow-list.
    const ca = await loadCa(caPathsInDir(vendorCaDir));
    const serverIdentity = await createIdentity(ca, {
      subject: [{ shortName: 'CN', value: 'tls 1.2 server' }],
      validityDays: 2,
      extendedKeyUsage: ['serverAuth'],
      ipAddresses: ['127.0.0.1'],
    });
    const server: Server = createTlsServer({
      cert: serverIdentity.certPem,
      key: serverIdentity.keyPem,
      ca: ca.certPem,
      requestCert: true,
      rejectUnauthorized: true,
      maxVersion: 'TLSv1.2',
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const target = preprodTarget(
        { url: `https://127.0.0.1:${port}`, caCertPath: ca.certPath, knownGoodCustomerId: 'c' },
        strangerClient,
      );

      const report = await runDoctor({ target });

      expect(report.verdict).toBe('certificate-refused');
      expect(report.steps.find((step) => step.id === 'tls')?.detail).toContain(
        'the server refused our client certificate',
      );
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test('says nothing is listening on a closed port', async ({ vendorClient }) => {
    const port = await closedPort();
    const target = preprodTarget(
      {
        url: `https://127.0.0.1:${port}`,
        caCertPath: vendorClient.certPath,
        knownGoodCustomerId: 'c',
      },
      vendorClient,
    );

    const report = await runDoctor({ target });

    expect(report.verdict).toBe('server-down');
    expect(report.summary).toContain(`nothing is listening on 127.0.0.1:${port}`);
    expect(report.steps.slice(3).every((step) => step.status === 'skip')).toBe(true);
  });

  test('refuses to talk to a server whose CA is not trusted, and names the variable to set', async ({
    startPreprod,
    vendorClient,
  }) => {
    const standIn = await startPreprod();

    const report = await runDoctor({
      target: preprodTarget(standIn, vendorClient, { extraCaPaths: [] }),
    });

    expect(report.verdict).toBe('server-untrusted');
    expect(report.steps.find((step) => step.id === 'tls')?.hint).toContain('CDLX_PREPROD_CA');
  });

  test('stops before the network when the key does not match the certificate', async ({
    startPreprod,
    vendorClient,
    strangerClient,
  }) => {
    const standIn = await startPreprod();
    const mixedUp = { certPath: vendorClient.certPath, keyPath: strangerClient.keyPath };

    const report = await runDoctor({ target: preprodTarget(standIn, mixedUp) });

    expect(report.verdict).toBe('local-certificate');
    expect(report.summary).toContain('does not match the private key in CDLX_PREPROD_KEY');
    expect(report.steps.filter((step) => step.status === 'skip')).toHaveLength(6);
  });

  test('reports a startSession refusal for a customer who is not enrolled', async ({
    startPreprod,
    vendorClient,
  }) => {
    const standIn = await startPreprod();

    const report = await runDoctor({
      target: preprodTarget(standIn, vendorClient, { knownGoodCustomerId: 'cust-inactive' }),
    });

    expect(report.verdict).toBe('session-failed');
    expect(report.steps.at(-1)?.hint).toContain('CDLX_PREPROD_CUSTOMER_ID');
  });
});

/** A port nobody listens on: one the OS just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
