import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { Problem } from '../problems.js';
import { REQUEST_ID_HEADER, sendAnswer, type Answer } from '../respond.js';
import type { FaultDecision } from './fault-rules.js';

/** The contract's error types for the statuses a fault can answer with. */
const STATUS_TYPES = {
  429: 'TooManyRequests',
  500: 'InternalServerError',
  503: 'ServiceUnavailable',
} as const;

const STATUS_TITLES = {
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
} as const;

/**
 * What happens before the operation runs: the delay, then either a status answer (thrown as a
 * Problem, so it is checked and sent like any other error) or a reset. Resolves true when the
 * connection was reset and nothing more must be sent.
 */
export async function applyFaultBefore(
  decision: FaultDecision,
  request: IncomingMessage,
): Promise<boolean> {
  if (decision.delayMs > 0) await sleep(decision.delayMs);
  const { outcome } = decision;
  if (outcome?.kind === 'status') {
    const retryAfter =
      outcome.retryAfterSeconds === undefined
        ? {}
        : { 'retry-after': String(outcome.retryAfterSeconds) };
    throw new Problem(
      outcome.status,
      STATUS_TYPES[outcome.status],
      `${STATUS_TITLES[outcome.status]} (fault set through the mock admin API)`,
      [],
      retryAfter,
    );
  }
  if (outcome?.kind === 'reset' && !outcome.processFirst) {
    await drain(request);
    resetConnection(request.socket);
    return true;
  }
  return false;
}

/**
 * Sends an answer the way the fault says: cut mid-body, not at all (reset after processing), or
 * whole. The answer was checked against the contract before, so even a cut body is the start of a
 * valid one.
 */
export function deliverWithFault(
  response: ServerResponse,
  answer: Answer,
  requestId: string,
  decision: FaultDecision,
): number {
  const { outcome } = decision;
  if (outcome?.kind === 'reset') {
    resetConnection(response.socket);
    return 0;
  }
  if (outcome?.kind !== 'cut-body') {
    sendAnswer(response, answer, requestId);
    return answer.status;
  }
  const payload = Buffer.from(JSON.stringify(answer.body));
  // The same headers sendAnswer writes, announcing the whole body; only half of it follows.
  response.writeHead(answer.status, {
    'content-type': 'application/json',
    'content-length': payload.length,
    [REQUEST_ID_HEADER]: requestId,
    ...answer.headers,
  });
  const socket = response.socket;
  response.write(payload.subarray(0, Math.floor(payload.length / 2)), () => socket?.destroy());
  return answer.status;
}

/** Reads and discards the request body, so the reset comes "after the request". */
function drain(request: IncomingMessage): Promise<void> {
  if (request.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    request.once('end', resolve);
    request.once('error', () => resolve());
    request.resume();
  });
}

/**
 * Resets the TCP connection (RST), as a crashed proxy or a load balancer does. A TLS socket
 * cannot be reset itself (its handle is the TLS layer), so the raw socket underneath is; Node
 * keeps it as `_parent` (not public API, hence the fallback to a plain close).
 */
function resetConnection(socket: Socket | null): void {
  if (!socket) return;
  const raw = (socket as Socket & { _parent?: Socket })._parent;
  try {
    if (raw && typeof raw.resetAndDestroy === 'function') raw.resetAndDestroy();
  } finally {
    socket.destroy();
  }
}
