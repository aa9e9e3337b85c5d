import type { TLSSocket } from 'node:tls';

import { expect, test as base } from '@playwright/test';

import { getContractValidators } from '../../lib/contract/validators.js';
import { MAX_BODY_BYTES } from '../../mock-server/read-body.js';
import { startMockServer, type MockServer } from '../../mock-server/server.js';
import {
  callJson,
  rawRequest,
  sendRaw,
  sessionToken,
  type JsonAnswer,
} from '../support/mock-calls.js';
import { parseRawAnswer, rawExchange } from '../support/raw-tls.js';
import { createTestPki, type TestPki } from '../support/test-pki.js';

const START_SESSION = '/v2/session/startSession';
const GOOD_SESSION_BODY = '{"sourceCustomerId":"cust-0001","scopes":["api:customer"]}';
const FIVE_MB = 5 * 1024 * 1024;

/** Raw bytes, or a function that writes them at its own pace once TLS is up. */
type Sender = string | Buffer | ((socket: TLSSocket) => void);

interface HostileCase {
  title: string;
  send: Sender;
  status: number;
  type: string;
  /** Matched against the title and validationErrors of the answer. */
  says: RegExp;
  /** Set when the request reaches an operation: its contract must declare this answer. */
  operationId?: string;
}

const post = (body: string | Buffer, headers: Record<string, string> = {}): Buffer =>
  rawRequest('POST', START_SESSION, { body, headers });
const raw = (lines: string[]): string => `${lines.join('\r\n')}\r\n\r\n`;

/** Every case: what is sent, and the JSON error it must get. */
const CASES: readonly HostileCase[] = [
  {
    title: 'malformed JSON',
    send: post('{"scopes": ['),
    status: 400,
    type: 'HttpMessageNotReadable',
    says: /not valid JSON/,
    operationId: 'startSession',
  },
  {
    title: 'a 5 MB body with Content-Length',
    send: post(Buffer.alloc(FIVE_MB, 'a')),
    status: 413,
    type: 'PayloadTooLarge',
    says: new RegExp(`exceeds ${MAX_BODY_BYTES} bytes`),
    operationId: 'startSession',
  },
  {
    title: 'a 5 MB chunked body',
    send: (socket) => {
      socket.write(
        raw([
          `POST ${START_SESSION} HTTP/1.1`,
          'Host: 127.0.0.1',
          'Content-Type: application/json',
          'Transfer-Encoding: chunked',
          'Connection: close',
        ]),
      );
      const chunk = 'a'.repeat(64 * 1024);
      for (let i = 0; i < FIVE_MB / chunk.length; i++) socket.write(`10000\r\n${chunk}\r\n`);
      socket.write('0\r\n\r\n');
    },
    status: 413,
    type: 'PayloadTooLarge',
    says: /exceeds/,
    operationId: 'startSession',
  },
  {
    title: 'a wrong content type',
    send: post(GOOD_SESSION_BODY, { 'content-type': 'text/plain' }),
    status: 415,
    type: 'UnsupportedMediaType',
    says: /text\/plain/,
    operationId: 'startSession',
  },
  {
    title: 'no content type',
    send:
      raw([`POST ${START_SESSION} HTTP/1.1`, 'Host: x', 'Content-Length: 2', 'Connection: close']) +
      '{}',
    status: 415,
    type: 'UnsupportedMediaType',
    says: /got none/,
  },
  {
    title: 'invalid UTF-8',
    send: post(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
    status: 400,
    type: 'HttpMessageNotReadable',
    says: /not valid UTF-8/,
  },
  {
    title: 'arrays nested 100,000 deep',
    send: post(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    status: 400,
    type: 'HttpMessageNotReadable',
    says: /deeper than 64 levels/,
  },
  {
    title: 'objects nested 65 deep',
    send: post(`${'{"a":'.repeat(65)}1${'}'.repeat(65)}`),
    status: 400,
    type: 'HttpMessageNotReadable',
    says: /deeper than 64 levels/,
  },
  {
    title: 'a __proto__ key',
    send: post(
      '{"__proto__":{"polluted":1},"sourceCustomerId":"cust-0001","scopes":["api:customer"]}',
    ),
    status: 400,
    type: 'ValidationException',
    says: /__proto__: this key is not accepted/,
  },
  {
    title: 'a __proto__ key spelled with a \\u escape',
    send: post('{"scopes":["api:customer"],"x":{"\\u005f_proto__":{"polluted":1}}}'),
    status: 400,
    type: 'ValidationException',
    says: /x\.__proto__: this key is not accepted/,
  },
  {
    title: 'a constructor.prototype key',
    send: post('{"scopes":[{"constructor":{"prototype":{"polluted":1}}}]}'),
    status: 400,
    type: 'ValidationException',
    says: /scopes\[0\]\.constructor\.prototype/,
  },
  {
    title: 'one 20 KB header',
    send: raw(['GET /healthcheck HTTP/1.1', 'Host: x', `X-Flood: ${'a'.repeat(20_000)}`]),
    status: 431,
    type: 'RequestHeaderFieldsTooLarge',
    says: /16384 bytes/,
  },
  {
    title: '3,000 headers',
    send: raw([
      'GET /healthcheck HTTP/1.1',
      'Host: x',
      ...Array.from({ length: 3000 }, (_, i) => `X-H${i}: v`),
    ]),
    status: 431,
    type: 'RequestHeaderFieldsTooLarge',
    says: /too large/,
  },
  {
    title: 'Content-Length with Transfer-Encoding (smuggling)',
    send:
      raw([
        `POST ${START_SESSION} HTTP/1.1`,
        'Host: x',
        'Content-Type: application/json',
        'Content-Length: 4',
        'Transfer-Encoding: chunked',
      ]) + '0\r\n\r\n',
    status: 400,
    type: 'HttpMessageNotReadable',
    says: /Transfer-Encoding can't be present with Content-Length/,
  },
  {
    title: 'two Content-Length headers (smuggling)',
    send:
      raw([
        `POST ${START_SESSION} HTTP/1.1`,
        'Host: x',
        'Content-Type: application/json',
        'Content-Length: 2',
        'Content-Length: 2',
      ]) + '{}',
    status: 400,
    type: 'HttpMessageNotReadable',
    says: /Duplicate Content-Length/,
  },
  {
    title: 'a folded header line (obs-fold)',
    send: raw(['GET /healthcheck HTTP/1.1', 'Host: x', 'X-Folded: a', ' b']),
    status: 400,
    type: 'HttpMessageNotReadable',
    says: /HPE_INVALID_HEADER_TOKEN/,
  },
  {
    title: 'a folded Transfer-Encoding (smuggling)',
    send:
      raw([
        `POST ${START_SESSION} HTTP/1.1`,
        'Host: x',
        'Content-Type: application/json',
        'Transfer-Encoding:',
        ' chunked',
      ]) + '2\r\n{}\r\n0\r\n\r\n',
    status: 400,
    type: 'HttpMessageNotReadable',
    says: /HPE_INVALID_HEADER_TOKEN/,
  },
  {
    title: 'an unknown transfer coding',
    send:
      raw([
        `POST ${START_SESSION} HTTP/1.1`,
        'Host: x',
        'Content-Type: application/json',
        'Transfer-Encoding: xchunked',
      ]) + '2\r\n{}\r\n0\r\n\r\n',
    status: 400,
    type: 'HttpMessageNotReadable',
    says: /Transfer-Encoding/,
  },
  {
    title: 'an unknown method',
    send: raw(['BREW /healthcheck HTTP/1.1', 'Host: x']),
    status: 501,
    type: 'NotImplemented',
    says: /Method BREW is not supported/,
  },
  {
    title: 'CONNECT',
    send: raw(['CONNECT example.com:443 HTTP/1.1', 'Host: example.com:443']),
    status: 501,
    type: 'NotImplemented',
    says: /Method CONNECT is not supported/,
  },
  {
    title: 'a method the API does not use',
    send: raw(['DELETE /healthcheck HTTP/1.1', 'Host: x', 'Connection: close']),
    status: 405,
    type: 'MethodNotAllowed',
    says: /use GET/,
  },
  {
    title: 'bare LF line endings',
    send: 'GET /healthcheck HTTP/1.1\nHost: x\n\n',
    status: 400,
    type: 'HttpMessageNotReadable',
    says: /HPE_/,
  },
  {
    title: 'a NUL byte in a header value',
    send: raw(['GET /healthcheck HTTP/1.1', 'Host: x', 'X-A: a\u0000b']),
    status: 400,
    type: 'HttpMessageNotReadable',
    says: /Invalid header value char/,
  },
];

const test = base.extend<{ mock: MockServer; logLines: string[] }, { pki: TestPki }>({
  pki: [async ({}, use) => use(await createTestPki()), { scope: 'worker' }],
  logLines: async ({}, use) => use([]),
  mock: async ({ pki, logLines }, use) => {
    const mock = await startMockServer({ tls: pki.tls, logger: (line) => logLines.push(line) });
    await use(mock);
    await mock.close();
  },
});

async function exchange(mock: MockServer, pki: TestPki, send: Sender): Promise<JsonAnswer> {
  const outcome = await rawExchange({
    port: mock.port,
    ca: pki.ca.certPem,
    cert: pki.client.certPem,
    key: pki.client.keyPem,
    send,
  });
  const answer = parseRawAnswer(outcome.received);
  return { ...answer, body: answer.body as Record<string, unknown> };
}

/** The contract's error body, with the request id in the body and the header alike. */
function expectContractError(answer: JsonAnswer, expected: HostileCase): void {
  expect(answer.status).toBe(expected.status);
  expect(answer.headers['content-type']).toBe('application/json');
  expect(answer.body).toMatchObject({ type: expected.type, status: expected.status });
  expect(answer.body.requestId).toEqual(expect.any(String));
  expect(answer.headers['x-cdlx-request-id']).toBe(answer.body.requestId);
  const validators = getContractValidators();
  const validate = validators.schemaValidator('Error');
  expect(validate(answer.body), JSON.stringify(validate.errors)).toBe(true);
  if (expected.operationId) {
    const declared = validators.responseValidator(expected.operationId, expected.status);
    expect(declared, `${expected.operationId} declares ${expected.status}`).toBeDefined();
    expect(declared?.(answer.body), JSON.stringify(declared?.errors)).toBe(true);
  }
  const words = [answer.body.title, ...(answer.body.validationErrors as string[])].join('\n');
  expect(words).toMatch(expected.says);
}

/** What getAds answers for the known good customer, without its per-request id. */
async function adsOfKnownGoodCustomer(mock: MockServer, pki: TestPki): Promise<unknown> {
  const token = await sessionToken(mock, pki, 'api:customer');
  const answer = await callJson(
    mock,
    pki,
    'POST',
    '/v2/ads/getAds',
    { channel: 'MobileApp' },
    token,
  );
  expect(answer.status).toBe(200);
  const { requestId: _requestId, ...rest } = answer.body;
  return rest;
}

test.describe('hostile HTTP input', () => {
  for (const hostile of CASES) {
    test(`answers ${hostile.title} with a JSON error`, async ({ mock, pki }) => {
      const answer = await exchange(mock, pki, hostile.send);

      expectContractError(answer, hostile);
      expect((await callJson(mock, pki, 'GET', '/healthcheck')).status).toBe(200);
    });
  }

  test('stays up and changes no state through every hostile request', async ({ mock, pki }) => {
    await adsOfKnownGoodCustomer(mock, pki);
    const before = await adsOfKnownGoodCustomer(mock, pki);
    const versionBefore = mock.state.version;

    for (const hostile of CASES) await exchange(mock, pki, hostile.send);

    expect(mock.state.version).toBe(versionBefore);
    expect(await adsOfKnownGoodCustomer(mock, pki)).toEqual(before);
  });

  test('no body-taking operation lets a __proto__ key pollute Object.prototype', async ({
    mock,
    pki,
  }) => {
    const operations = getContractValidators().operations.filter((op) => op.requestSchemaPointer);
    expect(operations.length).toBeGreaterThan(3);

    for (const operation of operations) {
      const token = operation.requiresSessionToken
        ? await sessionToken(mock, pki, operation.requiredScope)
        : undefined;
      for (const body of [
        '{"__proto__":{"polluted":1}}',
        '{"constructor":{"prototype":{"polluted":1}}}',
      ]) {
        const answer = await sendRaw(
          mock,
          pki,
          rawRequest(operation.method.toUpperCase(), operation.path, {
            body,
            ...(token ? { headers: { 'x-cdlx-session-token': token } } : {}),
          }),
        );

        expect(answer.status, `${operation.operationId} ${body}`).toBe(400);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
      }
    }
  });

  test('a header named __proto__ changes nothing', async ({ mock, pki }) => {
    const answer = await sendRaw(
      mock,
      pki,
      rawRequest('GET', '/healthcheck', { headers: { ['__proto__']: 'polluted' } }),
    );

    expect(answer.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('logs one line per malformed request, without the request bytes', async ({
    mock,
    pki,
    logLines,
  }) => {
    await exchange(
      mock,
      pki,
      raw(['BREW /healthcheck HTTP/1.1', 'Host: x', 'X-CDLX-Session-Token: secret-token-value']),
    );

    expect(logLines).toHaveLength(1);
    expect(logLines[0]).toMatch(/^answered 501 to 127\.0\.0\.1:\d+: /);
    expect(logLines[0]).not.toContain('secret-token-value');
  });
});
