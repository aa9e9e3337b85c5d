import { connect as connectTcp, createServer as createTcpServer, type AddressInfo } from 'node:net';
import { connect as connectTls } from 'node:tls';

import { expect, test as base } from '@playwright/test';
import { Command } from 'commander';

import { startMockServer, type MockServer } from '../../mock-server/server.js';
import {
  DEFAULT_TIMEOUTS,
  resolveTimeouts,
  type MockTimeouts,
} from '../../mock-server/timeouts.js';
import {
  addTimeoutOptions,
  timeoutsFromOptions,
} from '../../scripts/commands/mock-timeout-options.js';
import { callJson } from '../support/mock-calls.js';
import { parseRawAnswer, rawExchange, type RawOutcome } from '../support/raw-tls.js';
import { createTestPki, type TestPki } from '../support/test-pki.js';

/** Short limits so the test stays fast; the defaults are tens of seconds. */
const LIMITS: MockTimeouts = {
  handshakeTimeoutMs: 500,
  headersTimeoutMs: 500,
  requestTimeoutMs: 1000,
  keepAliveTimeoutMs: 500,
};
/** A slow client is cut no earlier than its limit, and no later than this after it (loaded CI). */
const LATE_MS = 1000;
/** Timers may fire a little early against performance.now(); never by more than this. */
const EARLY_MS = 60;
const BYTE_EVERY_MS = 50;
/**
 * Node closes an idle keep-alive socket this long after keepAliveTimeout, so that a request sent
 * just before the deadline does not meet a reset (`keepAliveTimeoutBuffer` in newer Node).
 */
const NODE_KEEP_ALIVE_BUFFER_MS = 1000;

const test = base.extend<{ mock: MockServer; logLines: string[] }, { pki: TestPki; hello: Buffer }>(
  {
    pki: [async ({}, use) => use(await createTestPki()), { scope: 'worker' }],
    hello: [async ({}, use) => use(await captureClientHello()), { scope: 'worker' }],
    logLines: async ({}, use) => use([]),
    mock: async ({ pki, logLines }, use) => {
      const mock = await startMockServer({
        tls: pki.tls,
        timeouts: LIMITS,
        logger: (line) => logLines.push(line),
      });
      await use(mock);
      await mock.close();
    },
  },
);

/** A real ClientHello, recorded from node:tls, to replay one byte at a time. */
function captureClientHello(): Promise<Buffer> {
  return new Promise((resolve) => {
    const recorder = createTcpServer((socket) =>
      socket.once('data', (hello: Buffer) => {
        socket.destroy();
        recorder.close();
        resolve(hello);
      }),
    );
    recorder.listen(0, '127.0.0.1', () => {
      const { port } = recorder.address() as AddressInfo;
      connectTls({ host: '127.0.0.1', port }).on('error', () => {});
    });
  });
}

/** Opens TCP only and writes `bytes` one at a time (nothing if empty); resolves on close. */
function trickleTcp(port: number, bytes: Buffer): Promise<{ elapsedMs: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connectTcp(port, '127.0.0.1');
    let sent = 0;
    const timer = setInterval(() => {
      if (sent < bytes.length - 1) socket.write(bytes.subarray(sent, ++sent));
    }, BYTE_EVERY_MS);
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ elapsedMs: performance.now() - started });
    });
  });
}

/** Over TLS, writes `head` at once, then `text` one byte every BYTE_EVERY_MS, never finishing it. */
function trickleTls(mock: MockServer, pki: TestPki, text: string, head = ''): Promise<RawOutcome> {
  return rawExchange({
    port: mock.port,
    ca: pki.ca.certPem,
    cert: pki.client.certPem,
    key: pki.client.keyPem,
    send: (socket) => {
      if (head) socket.write(head);
      let sent = 0;
      const timer = setInterval(() => {
        if (sent < text.length - 1) socket.write(text[sent++]!);
      }, BYTE_EVERY_MS);
      socket.on('close', () => clearInterval(timer));
    },
  });
}

/** Healthchecks on fresh connections, one after another, until `until` settles. */
async function keepCalling(mock: MockServer, pki: TestPki, until: Promise<unknown>) {
  let done = false;
  void until.finally(() => (done = true));
  const statuses: number[] = [];
  while (!done) statuses.push((await callJson(mock, pki, 'GET', '/healthcheck')).status);
  return statuses;
}

function expectCutAt(elapsedMs: number, limitMs: number): void {
  expect(elapsedMs).toBeGreaterThanOrEqual(limitMs - EARLY_MS);
  expect(elapsedMs).toBeLessThan(limitMs + LATE_MS);
}

const REQUEST_HEAD = 'POST /v2/session/startSession HTTP/1.1\r\nHost: x\r\n';

test.describe('timeouts', () => {
  test('cuts every kind of slow client within its limit while others are served', async ({
    mock,
    pki,
    hello,
    logLines,
  }) => {
    const slowClients = Promise.all([
      trickleTcp(mock.port, Buffer.alloc(0)),
      trickleTcp(mock.port, hello),
      trickleTls(mock, pki, `${REQUEST_HEAD}X-Slow: ${'a'.repeat(100)}\r\n\r\n`),
      trickleTls(
        mock,
        pki,
        '{'.repeat(100),
        `${REQUEST_HEAD}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n`,
      ),
      rawExchange({
        port: mock.port,
        ca: pki.ca.certPem,
        cert: pki.client.certPem,
        key: pki.client.keyPem,
        send: `${REQUEST_HEAD}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"sco`,
      }),
    ]);

    const [served, [silentTcp, slowHello, slowHeaders, slowBody, shortBody]] = await Promise.all([
      keepCalling(mock, pki, slowClients),
      slowClients,
    ]);

    expectCutAt(silentTcp.elapsedMs, LIMITS.handshakeTimeoutMs);
    expectCutAt(slowHello.elapsedMs, LIMITS.handshakeTimeoutMs);
    for (const [outcome, limitMs] of [
      [slowHeaders, LIMITS.headersTimeoutMs],
      [slowBody, LIMITS.requestTimeoutMs],
      [shortBody, LIMITS.requestTimeoutMs],
    ] as const) {
      expectCutAt(outcome.elapsedMs, limitMs);
      expect(parseRawAnswer(outcome.received)).toMatchObject({
        status: 408,
        body: { type: 'RequestTimeout', requestId: expect.any(String) },
      });
    }
    expect(served.length).toBeGreaterThan(3);
    expect(served.every((status) => status === 200)).toBe(true);
    expect(logLines.filter((line) => line.includes('handshake timeout'))).toHaveLength(2);
  });

  test('closes an idle keep-alive connection after the keep-alive timeout', async ({
    mock,
    pki,
  }) => {
    const outcome = await rawExchange({
      port: mock.port,
      ca: pki.ca.certPem,
      cert: pki.client.certPem,
      key: pki.client.keyPem,
      send: 'GET /healthcheck HTTP/1.1\r\nHost: x\r\n\r\n',
    });

    expect(outcome.received).toMatch(/^HTTP\/1\.1 200 /);
    expectCutAt(outcome.elapsedMs, LIMITS.keepAliveTimeoutMs + NODE_KEEP_ALIVE_BUFFER_MS);
  });

  test('a client that connects over TLS and sends nothing is cut at the headers timeout', async ({
    mock,
    pki,
  }) => {
    const outcome = await trickleTls(mock, pki, '');

    expectCutAt(outcome.elapsedMs, LIMITS.headersTimeoutMs);
  });

  test('defaults are seconds, not minutes, and a wrong value names its flag', () => {
    expect(resolveTimeouts()).toEqual(DEFAULT_TIMEOUTS);
    expect(DEFAULT_TIMEOUTS.handshakeTimeoutMs).toBeLessThanOrEqual(10_000);
    expect(() => resolveTimeouts({ headersTimeoutMs: 0 })).toThrow(/--headers-timeout 0/);
    expect(() => resolveTimeouts({ headersTimeoutMs: 5000, requestTimeoutMs: 1000 })).toThrow(
      /--headers-timeout 5000 is longer than --request-timeout 1000/,
    );
  });

  test('the cdlx mock flags set each timeout, and refuse what is not milliseconds', () => {
    const parse = (args: string[]) =>
      timeoutsFromOptions(
        addTimeoutOptions(new Command('mock').exitOverride()).parse(args, { from: 'user' }).opts(),
      );

    expect(parse(['--handshake-timeout', '750', '--keep-alive-timeout', '2000'])).toEqual({
      ...DEFAULT_TIMEOUTS,
      handshakeTimeoutMs: 750,
      keepAliveTimeoutMs: 2000,
    });
    expect(() => parse(['--request-timeout', '1s'])).toThrow(
      /--request-timeout 1s is not a number of milliseconds/,
    );
  });
});
