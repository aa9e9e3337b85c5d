import { connect, createSecureContext, type SecureContext } from 'node:tls';

import { Client } from 'undici';

import type { Identity } from '../../lib/pki/identity.js';
import { SEEDED_CUSTOMERS } from '../../mock-server/state/default-seed.js';
import type { InvalidClient } from './soak-pki.js';

export interface RoundResult {
  requests: number;
  errors: number;
  latenciesMs: number[];
  /** The first failure, to say what went wrong when `errors` is not 0. */
  firstError: string | undefined;
}

/** Read-only calls only, so that a growing heap can only mean a leak, not a growing state. */
const CALLS = [
  { method: 'POST', path: '/v2/ads/getAds', body: '{"channel":"MobileApp"}' },
  { method: 'GET', path: '/v2/customerProfile/getCustomerProfile' },
  { method: 'GET', path: '/healthcheck' },
] as const;

/** One TLS context per identity, shared by all its connections (see docs/performance.md). */
export function contextFor(caPem: string, identity: Identity | undefined): SecureContext {
  return createSecureContext({
    ca: caPem,
    ...(identity ? { cert: identity.certPem, key: identity.keyPem } : {}),
    // Lets the soak offer what the mock must refuse (an RSA-1024 certificate).
    ciphers: 'DEFAULT:@SECLEVEL=0',
  });
}

/** Concurrent keep-alive clients, each on its own connection with its own session. */
export class ClientPool {
  private constructor(private readonly clients: { client: Client; token: string }[]) {}

  static async open(port: number, context: SecureContext, count: number): Promise<ClientPool> {
    const clients = await Promise.all(
      Array.from({ length: count }, async () => {
        const client = new Client(`https://127.0.0.1:${port}`, {
          connect: { secureContext: context },
          pipelining: 1,
        });
        const { statusCode, body } = await client.request({
          method: 'POST',
          path: '/v2/session/startSession',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            sourceCustomerId: SEEDED_CUSTOMERS.KNOWN_GOOD,
            scopes: ['api:customer'],
          }),
        });
        const answer = (await body.json()) as { sessionToken?: string };
        if (statusCode !== 200 || !answer.sessionToken) {
          throw new Error(`startSession answered ${statusCode}`);
        }
        return { client, token: answer.sessionToken };
      }),
    );
    return new ClientPool(clients);
  }

  /** Every client calls the API back to back for `durationMs`. */
  async run(durationMs: number): Promise<RoundResult> {
    const result: RoundResult = { requests: 0, errors: 0, latenciesMs: [], firstError: undefined };
    const deadline = performance.now() + durationMs;
    await Promise.all(
      this.clients.map(async ({ client, token }, index) => {
        for (let turn = index; performance.now() < deadline; turn++) {
          const call = CALLS[turn % CALLS.length]!;
          const started = performance.now();
          try {
            const { statusCode, body } = await client.request({
              method: call.method,
              path: call.path,
              headers: {
                'x-cdlx-session-token': token,
                ...('body' in call ? { 'content-type': 'application/json' } : {}),
              },
              ...('body' in call ? { body: call.body } : {}),
            });
            await body.dump();
            if (statusCode !== 200) throw new Error(`${call.path} answered ${statusCode}`);
          } catch (error) {
            result.errors++;
            result.firstError ??= (error as Error).message;
          }
          result.requests++;
          result.latenciesMs.push(performance.now() - started);
        }
      }),
    );
    return result;
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map(({ client }) => client.close()));
  }
}

export interface ChurnResult {
  handshakes: number;
  validAttempts: number;
  validRefused: number;
  invalidAttempts: number;
  /** Invalid clients that got an HTTP answer, by kind; every count must be 0. */
  invalidAdmitted: Record<string, number>;
}

/**
 * New TLS connections, never resumed, valid and invalid clients taking turns, each sending one
 * healthcheck: a valid one must be answered, an invalid one must get no HTTP byte back.
 */
export async function churnHandshakes(options: {
  port: number;
  caPem: string;
  good: Identity;
  invalid: readonly InvalidClient[];
  durationMs: number;
  concurrency: number;
}): Promise<ChurnResult> {
  const goodContext = contextFor(options.caPem, options.good);
  const invalid = options.invalid.map((client) => ({
    kind: client.kind,
    context: contextFor(options.caPem, client.identity),
  }));
  const result: ChurnResult = {
    handshakes: 0,
    validAttempts: 0,
    validRefused: 0,
    invalidAttempts: 0,
    invalidAdmitted: Object.fromEntries(invalid.map(({ kind }) => [kind, 0])),
  };
  const deadline = performance.now() + options.durationMs;
  let turn = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < deadline) {
        const mine = turn++;
        const bad = mine % 2 === 1 ? invalid[((mine - 1) / 2) % invalid.length] : undefined;
        const answered = await healthcheckOnce(options.port, bad?.context ?? goodContext);
        result.handshakes++;
        if (bad) {
          result.invalidAttempts++;
          if (answered) result.invalidAdmitted[bad.kind]!++;
        } else {
          result.validAttempts++;
          if (!answered) result.validRefused++;
        }
      }
    }),
  );
  return result;
}

/** Whether one fresh connection got an HTTP 200 for GET /healthcheck. */
function healthcheckOnce(port: number, secureContext: SecureContext): Promise<boolean> {
  return new Promise((resolve) => {
    let received = '';
    const socket = connect({ host: '127.0.0.1', port, secureContext }, () =>
      socket.write('GET /healthcheck HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'),
    );
    socket.setTimeout(10_000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => {});
    socket.on('close', () => resolve(received.startsWith('HTTP/1.1 200 ')));
  });
}
