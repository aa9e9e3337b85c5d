import { Agent, request as httpsRequest } from 'node:https';
import type { SecureContext } from 'node:tls';

import type { RequestBody } from '../../lib/contract/types.js';
import { SEEDED_CUSTOMERS } from '../../mock-server/state/default-seed.js';
import type { LoadStep } from './load-jobs.js';

/** The operations the benchmark drives; each runs at every listed concurrency. */
export interface Scenario {
  name: string;
  connections: readonly number[];
  step: LoadStep;
}

/** A request as a publisher's app sends it when it opens the offers page. */
const GET_ADS_BODY: RequestBody<'getAds'> = { channel: 'MobileApp', returnMetadata: true };

const START_SESSION_BODY: RequestBody<'startSession'> = {
  sourceCustomerId: SEEDED_CUSTOMERS.KNOWN_GOOD,
  scopes: ['api:customer'],
};

/** A harmless session event: it changes no ad state (the go-live checklist sends the same). */
const CLIENT_EVENT_BODY: RequestBody<'clientEvent'> = {
  clientEvents: [
    {
      clientEventId: '00000000-0000-4000-8000-00000000b001',
      clientEventType: 'SessionAction',
      clientEvent: 'LogEnrollment',
      clientEventTimestamp: '2025-01-01T00:00:00Z',
    },
  ],
};

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

/** The path the handshake loop requests on each fresh connection (no body, no token). */
export const HANDSHAKE_PATH = '/healthcheck';

export function buildScenarios(sessionToken: string): Scenario[] {
  const withToken = { ...JSON_HEADERS, 'x-cdlx-session-token': sessionToken };
  return [
    {
      name: 'getAds',
      connections: [16, 64],
      step: {
        method: 'POST',
        path: '/v2/ads/getAds',
        headers: withToken,
        body: JSON.stringify(GET_ADS_BODY),
      },
    },
    {
      name: 'startSession',
      connections: [16],
      step: {
        method: 'POST',
        path: '/v2/session/startSession',
        headers: JSON_HEADERS,
        body: JSON.stringify(START_SESSION_BODY),
      },
    },
    {
      name: 'clientEvent',
      connections: [16],
      step: {
        method: 'POST',
        path: '/v2/events/clientEvent',
        headers: withToken,
        body: JSON.stringify(CLIENT_EVENT_BODY),
      },
    },
  ];
}

/** The mock's session token for the known good customer. */
export async function startBenchSession(baseUrl: string, context: SecureContext): Promise<string> {
  const answer = await send(baseUrl, context, {
    method: 'POST',
    path: '/v2/session/startSession',
    headers: JSON_HEADERS,
    body: JSON.stringify(START_SESSION_BODY),
  });
  return (JSON.parse(answer) as { sessionToken: string }).sessionToken;
}

/**
 * The mock's answer to each scenario's request and to the handshake path, keyed by path: the
 * baseline serves exactly these bytes, so both servers put the same payload on the wire.
 */
export async function captureAnswers(
  baseUrl: string,
  context: SecureContext,
  scenarios: readonly Scenario[],
): Promise<Record<string, string>> {
  const steps: LoadStep[] = [
    ...scenarios.map((scenario) => scenario.step),
    { method: 'GET', path: HANDSHAKE_PATH, headers: { accept: 'application/json' } },
  ];
  const answers: Record<string, string> = {};
  for (const step of steps) answers[step.path] = await send(baseUrl, context, step);
  return answers;
}

/** Sends one request; resolves with the body of a 200 and rejects with anything else. */
export function send(baseUrl: string, context: SecureContext, step: LoadStep): Promise<string> {
  const url = new URL(step.path, baseUrl);
  return new Promise((resolve, reject) => {
    const request = httpsRequest(
      url,
      {
        method: step.method,
        headers: step.headers,
        agent: new Agent({ secureContext: context, keepAlive: false }),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode === 200) resolve(body);
          else
            reject(
              new Error(`${step.method} ${step.path} answered ${response.statusCode}: ${body}`),
            );
        });
      },
    );
    request.on('error', reject);
    request.end(step.body);
  });
}
