import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';

import type { MockTlsMaterial } from '../../mock-server/server.js';
import { listenOn } from '../../mock-server/listen.js';
import { tlsPolicyOptions } from '../../mock-server/tls-policy.js';

/**
 * The yardstick: a bare node:https server with the mock's TLS settings (its protocol policy from
 * tls-policy.ts, mutual TLS against the same CA and its revocation list) that answers every
 * request with a fixed, pre-serialised JSON body: the body the mock gave for the same path, so
 * both send the same bytes. It does nothing else, so the difference between the two is what the
 * mock's own work costs.
 */
export async function startBaselineServer(
  tls: MockTlsMaterial,
  bodiesByPath: Readonly<Record<string, string>>,
): Promise<{ server: Server; port: number }> {
  const payloads = new Map(
    Object.entries(bodiesByPath).map(([path, body]) => [path, Buffer.from(body)]),
  );
  const fallback = Buffer.from('{}');
  const server = createServer(
    {
      cert: tls.certPem,
      key: tls.keyPem,
      ca: tls.clientCaPem,
      ...(tls.clientCrlPem === undefined ? {} : { crl: tls.clientCrlPem }),
      requestCert: true,
      rejectUnauthorized: true,
      ...tlsPolicyOptions(),
    },
    (request, response) => {
      const payload = payloads.get(request.url ?? '/') ?? fallback;
      request.resume();
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': payload.length,
      });
      response.end(payload);
    },
  );
  await listenOn(server, 0, '127.0.0.1', 'The bench baseline');
  return { server, port: (server.address() as AddressInfo).port };
}
