import type { ServerOptions } from 'node:https';

import { UsageError } from '../lib/errors.js';

/** How long the mock waits for a client at each stage; each is an option of startMockServer. */
export interface MockTimeouts {
  /**
   * From TCP accept to a finished TLS handshake, however the client paces its bytes: covers a
   * connection that never starts TLS and one that trickles its ClientHello.
   */
  handshakeTimeoutMs: number;
  /** From the first byte of a request to the end of its headers. */
  headersTimeoutMs: number;
  /** From the first byte of a request to the end of its body. */
  requestTimeoutMs: number;
  /**
   * An idle keep-alive connection between two requests. Node closes it one second later than
   * this (its keep-alive buffer), so that a request sent at the deadline does not meet a reset.
   */
  keepAliveTimeoutMs: number;
}

/**
 * Far shorter than Node's own (120 s handshake, 60 s headers, 300 s request), which let one slow
 * client hold a connection for minutes; still far longer than any honest client on a LAN or a
 * CI runner needs. Keep-alive stays at Node's 5 s: longer than undici's 4 s client-side default,
 * so the client, not the server, closes an idle connection and no request races a close.
 */
export const DEFAULT_TIMEOUTS: Readonly<MockTimeouts> = {
  handshakeTimeoutMs: 10_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

/** The `cdlx mock` flag for each timeout, for messages. */
export const TIMEOUT_FLAGS: Readonly<Record<keyof MockTimeouts, string>> = {
  handshakeTimeoutMs: '--handshake-timeout',
  headersTimeoutMs: '--headers-timeout',
  requestTimeoutMs: '--request-timeout',
  keepAliveTimeoutMs: '--keep-alive-timeout',
};

/** Node's timer limit (about 24.8 days); larger values fire at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** Fills in the defaults and checks the values; a bad one is a UsageError naming its flag. */
export function resolveTimeouts(partial: Partial<MockTimeouts> = {}): MockTimeouts {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...definedOnly(partial) };
  for (const [key, value] of Object.entries(timeouts) as [keyof MockTimeouts, number][]) {
    if (!Number.isInteger(value) || value < 1 || value > MAX_TIMEOUT_MS) {
      throw new UsageError(`${TIMEOUT_FLAGS[key]} ${value} is not a usable timeout.`, {
        hint: `Give a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}.`,
      });
    }
  }
  // Node refuses a headers timeout longer than the request timeout it is part of.
  if (timeouts.headersTimeoutMs > timeouts.requestTimeoutMs) {
    throw new UsageError(
      `${TIMEOUT_FLAGS.headersTimeoutMs} ${timeouts.headersTimeoutMs} is longer than ${TIMEOUT_FLAGS.requestTimeoutMs} ${timeouts.requestTimeoutMs}.`,
      { hint: 'The headers are part of the request: make the headers timeout the shorter one.' },
    );
  }
  return timeouts;
}

/**
 * The server options that enforce `timeouts`. Node checks the headers and request deadlines on a
 * timer (every 30 s by default, so a 500 ms limit would fire up to 30 s late); the check runs at a
 * tenth of the shorter limit instead, between 10 ms and 1 s.
 */
export function timeoutServerOptions(timeouts: MockTimeouts): ServerOptions {
  const shorter = Math.min(timeouts.headersTimeoutMs, timeouts.requestTimeoutMs);
  return {
    // Node's handshake timer is not reset by handshake bytes, so it is a deadline, not idleness.
    handshakeTimeout: timeouts.handshakeTimeoutMs,
    headersTimeout: timeouts.headersTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    keepAliveTimeout: timeouts.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(1_000, Math.max(10, Math.floor(shorter / 10))),
  };
}

function definedOnly(partial: Partial<MockTimeouts>): Partial<MockTimeouts> {
  return Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined));
}
