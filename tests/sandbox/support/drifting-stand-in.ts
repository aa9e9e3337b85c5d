import { readFile } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';

import type { LocalPkiPaths } from '../../../lib/pki/local-pki.js';
import { resolveEnvTarget } from '../../../lib/targets/env-target.js';
import type { Target } from '../../../lib/targets/target.js';

/** What the stand-in answers getAds with: an extra field, a new enum value and a wrong type. */
export const DRIFT = {
  extraField: 'loyaltyTier',
  newEnumValue: 'CASHBACK_BOOST',
  wrongTypeField: 'rewardAmount',
} as const;

/** A JWT-shaped token the stand-in returns from startSession, which no report may show. */
export const STAND_IN_SESSION_TOKEN =
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjdXN0LTAwMDEifQ.c2lnbmF0dXJl';

export interface DriftingStandIn {
  url: string;
  /** Common names of the client certificates it saw, in order. */
  clientNames: string[];
  close(): Promise<void>;
}

/**
 * A tiny mTLS server on 127.0.0.1 playing a real environment that has drifted from the contract.
 * It requires a client certificate from the local CA, like the real API requires Cardlytics' own.
 */
export async function startDriftingStandIn(paths: LocalPkiPaths): Promise<DriftingStandIn> {
  const [cert, key, ca] = await Promise.all([
    readFile(paths.server.certPath, 'utf8'),
    readFile(paths.server.keyPath, 'utf8'),
    readFile(paths.ca.certPath, 'utf8'),
  ]);
  const clientNames: string[] = [];
  const server = createServer(
    { cert, key, ca, requestCert: true, rejectUnauthorized: true },
    (request, response) => {
      const peer = (request.socket as TLSSocket).getPeerCertificate();
      clientNames.push(String(peer.subject?.CN));
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const { status, body } = answer(request.url ?? '/', request.headers);
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    clientNames,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function answer(
  url: string,
  headers: Record<string, string | string[] | undefined>,
): { status: number; body: unknown } {
  if (url.startsWith('/v2/session/startSession')) {
    return { status: 200, body: { sessionToken: STAND_IN_SESSION_TOKEN, requestId: 'r-session' } };
  }
  if (url.startsWith('/v2/ads/getAds')) {
    const ad = (adId: string): Record<string, unknown> => ({
      adId,
      adType: 'CASH_BACK_OFFER',
      adServeToken: `srv-${adId}`,
      merchantName: 'Example Coffee',
      reward: { rewardType: DRIFT.newEnumValue, [DRIFT.wrongTypeField]: '5' },
      activationState: 'NEW',
      visibilityState: 'VISIBLE',
      [DRIFT.extraField]: 'gold',
    });
    return {
      status: 200,
      body: {
        requestId: headers['x-cdlx-request-id'] ?? 'r-ads',
        ads: { '1000001': ad('1000001'), '1000002': ad('1000002') },
        rankings: { all: ['1000001', '1000002'] },
        // The real API echoing the caller's token back would be a leak the report must not repeat.
        debugSessionEcho: headers['x-cdlx-session-token'],
      },
    };
  }
  return {
    status: 404,
    body: { type: 'NotFound', title: 'nothing here', status: 404, requestId: 'r' },
  };
}

/** A preprod target nobody listens at (port 9, discard), with the local PKI's client identity. */
export function unreachableTarget(paths: LocalPkiPaths): Target {
  return resolveEnvTarget('preprod', {
    CDLX_PREPROD_URL: 'https://127.0.0.1:9',
    CDLX_PREPROD_CERT: paths.client.certPath,
    CDLX_PREPROD_KEY: paths.client.keyPath,
    CDLX_PREPROD_CUSTOMER_ID: 'cust-0001',
  });
}
