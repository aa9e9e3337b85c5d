import type { MockServer } from '../../mock-server/server.js';
import { SEEDED_CUSTOMERS } from '../../mock-server/state/default-seed.js';
import { parseRawAnswer, rawExchange } from './raw-tls.js';
import type { TestPki } from './test-pki.js';

export interface JsonAnswer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** A request as bytes on the wire, with `Connection: close` so the answer ends the exchange. */
export function rawRequest(
  method: string,
  path: string,
  options: { body?: string | Buffer; headers?: Record<string, string> } = {},
): Buffer {
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers: Record<string, string> = {
    host: '127.0.0.1',
    connection: 'close',
    ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}),
    ...options.headers,
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  return Buffer.concat([
    Buffer.from(`${method} ${path} HTTP/1.1\r\n${head.join('')}\r\n`, 'latin1'),
    body ?? Buffer.alloc(0),
  ]);
}

/** Sends raw bytes with the good client identity and reads the JSON answer. */
export async function sendRaw(
  mock: MockServer,
  pki: TestPki,
  bytes: string | Buffer,
): Promise<JsonAnswer> {
  const outcome = await rawExchange({
    port: mock.port,
    ca: pki.ca.certPem,
    cert: pki.client.certPem,
    key: pki.client.keyPem,
    send: bytes,
  });
  const answer = parseRawAnswer(outcome.received);
  return { ...answer, body: answer.body as Record<string, unknown> };
}

/** A JSON call with an optional session token. */
export function callJson(
  mock: MockServer,
  pki: TestPki,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<JsonAnswer> {
  return sendRaw(
    mock,
    pki,
    rawRequest(method, path, {
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(token ? { headers: { 'x-cdlx-session-token': token } } : {}),
    }),
  );
}

/** A session token of `scope` (for the known good customer when the scope is api:customer). */
export async function sessionToken(
  mock: MockServer,
  pki: TestPki,
  scope: string | undefined,
): Promise<string> {
  const body =
    scope === 'api:institution'
      ? { scopes: ['api:institution'] }
      : { sourceCustomerId: SEEDED_CUSTOMERS.KNOWN_GOOD, scopes: ['api:customer'] };
  const answer = await callJson(mock, pki, 'POST', '/v2/session/startSession', body);
  if (answer.status !== 200) throw new Error(`startSession answered ${answer.status}`);
  return answer.body.sessionToken as string;
}
