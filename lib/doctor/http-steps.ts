import { randomUUID } from 'node:crypto';
import { connect } from 'node:tls';

import { getContractValidators } from '../contract/validators.js';
import type { DoctorContext, Step } from './doctor-context.js';
import { fail, pass } from './doctor-context.js';
import { ProbeTimeout, sendRequest, type HttpAnswer } from './probes.js';
import { certificateRefusalOf, isHangUp } from './tls-errors.js';

const REQUEST_ID_HEADER = 'x-cdlx-request-id';
/** HTTP statuses gateways use to refuse a client certificate (403; nginx's 495 and 496). */
const REFUSING_STATUSES = new Set([403, 495, 496]);

/**
 * Sends GET /healthcheck on the connection the TLS step opened: with TLS 1.3 the server judges
 * our certificate only after the handshake, so the first request is what shows whether it was
 * accepted (an alert comes back instead of an answer when it was not).
 */
export const checkClientCertificate: Step = async (context) => {
  const session = context.tls!;
  const outcome = await sendRequest({
    connect: () => session.socket,
    host: hostHeader(context),
    method: 'GET',
    path: '/healthcheck',
    headers: { [REQUEST_ID_HEADER]: randomUUID() },
    timeoutMs: context.timeoutMs,
  });
  if (!outcome.ok) {
    session.socket.destroy();
    const refusal = certificateRefusalOf(outcome.error);
    if (refusal) {
      return fail(
        'certificate-refused',
        `the server refused our client certificate: ${refusal.explanation}`,
        refusal.hint,
        outcome.ms,
      );
    }
    if (isHangUp(outcome.error)) {
      return fail(
        'certificate-refused',
        'the server refused our client certificate: it closed the connection right after the handshake, without giving a reason',
        'Check the certificate with `npm run cdlx -- cert inspect`, and that it is the one Cardlytics signed for this environment.',
        outcome.ms,
      );
    }
    const detail =
      outcome.error instanceof ProbeTimeout
        ? outcome.error.message
        : `the request failed: ${outcome.error.message}`;
    return fail(
      'tls-failed',
      detail,
      'Run again with a longer --timeout; if it persists, ask Cardlytics whether the service is up.',
      outcome.ms,
    );
  }
  context.healthcheck = outcome.value;
  if (REFUSING_STATUSES.has(outcome.value.status)) {
    return fail(
      'certificate-refused',
      `TLS completed, but a gateway refused us with HTTP ${outcome.value.status}${titleOf(outcome.value)}`,
      'The certificate is not accepted for this environment: check it is the one Cardlytics signed for it.',
      outcome.ms,
    );
  }
  return pass(
    `the server accepted our certificate and answered HTTP ${outcome.value.status}`,
    outcome.ms,
  );
};

export const checkHealthcheck: Step = (context) => {
  const answer = context.healthcheck!;
  if (answer.status !== 200) {
    return Promise.resolve(
      fail(
        'healthcheck-failed',
        `/healthcheck answered HTTP ${answer.status}${titleOf(answer)}`,
        'The service is reachable but not healthy: retry later, or ask Cardlytics about the status of the environment.',
      ),
    );
  }
  const requestId = requestIdOf(answer);
  const validate = getContractValidators().responseValidator('healthcheck', 200);
  const body = parseJson(answer.body);
  if (validate && !validate(body)) {
    return Promise.resolve({
      status: 'warn' as const,
      detail: `200, but the body does not match the contract${requestId}`,
      hint: 'Run the contract specs against this target to see the difference.',
    });
  }
  return Promise.resolve(pass(`200${requestId}`));
};

export const checkStartSession: Step = async (context) => {
  const customerId = context.target.knownGoodCustomerId;
  const outcome = await sendRequest({
    // A new connection with the same TLS context; trust was established by the TLS step.
    connect: () =>
      connect({
        host: context.address!,
        port: context.port,
        ...(context.servername ? { servername: context.servername } : {}),
        ...(context.localAddress ? { localAddress: context.localAddress } : {}),
        secureContext: context.secureContext!,
        ALPNProtocols: ['http/1.1'],
      }),
    host: hostHeader(context),
    method: 'POST',
    path: '/v2/session/startSession',
    headers: { [REQUEST_ID_HEADER]: randomUUID() },
    body: JSON.stringify({ sourceCustomerId: customerId, scopes: ['api:customer'] }),
    timeoutMs: context.timeoutMs,
  });
  if (!outcome.ok) {
    return fail(
      'session-failed',
      `startSession failed: ${outcome.error.message}`,
      'Run doctor again; if it persists, run the specs for details.',
      outcome.ms,
    );
  }
  const answer = outcome.value;
  const token = (parseJson(answer.body) as { sessionToken?: unknown } | undefined)?.sessionToken;
  if (answer.status === 200 && typeof token === 'string' && token !== '') {
    // The token itself is never shown: it is a credential for an hour.
    return pass(
      `session token received for ${customerId} (not shown)${requestIdOf(answer)}`,
      outcome.ms,
    );
  }
  const customerVariable =
    context.target.name === 'mock'
      ? 'the known good customer'
      : `CDLX_${context.target.name.toUpperCase()}_CUSTOMER_ID`;
  return fail(
    'session-failed',
    `startSession for ${customerId} answered HTTP ${answer.status}${titleOf(answer)}`,
    answer.status === 400
      ? `Check that ${customerVariable} names a customer who is enrolled and has an account on this environment.`
      : 'The certificate may not be allowed to start customer sessions here: ask Cardlytics.',
    outcome.ms,
  );
};

function hostHeader(context: DoctorContext): string {
  const host = context.host.includes(':') ? `[${context.host}]` : context.host;
  return context.port === 443 ? host : `${host}:${context.port}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function titleOf(answer: HttpAnswer): string {
  const title = (parseJson(answer.body) as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' ? ` ("${title}")` : '';
}

function requestIdOf(answer: HttpAnswer): string {
  const header = answer.headers[REQUEST_ID_HEADER];
  const fromBody = (parseJson(answer.body) as { requestId?: unknown } | undefined)?.requestId;
  const id = typeof fromBody === 'string' ? fromBody : Array.isArray(header) ? header[0] : header;
  return id ? `, request id ${id}` : '';
}
