import type { IncomingMessage } from 'node:http';

import type { FaultKind, Journal, JournalEntry } from '../lib/admin-client/admin-types.js';
import { peerIdentity } from './client-identity.js';

/** Enough for a test suite's assertions; old entries are overwritten beyond it. */
export const DEFAULT_JOURNAL_CAPACITY = 1000;

/** What the server hands over per request: raw values, formatted only when someone reads. */
export interface JournalRecord {
  /** Set by the journal when it stores the record. */
  seq: number;
  /** `performance.now()` when the request arrived: one clock read on the request path. */
  startedMs: number;
  method: string;
  path: string;
  operationId: string | undefined;
  status: number;
  requestId: string;
  clientSubject: string;
  durationMs: number;
  fault: FaultKind | undefined;
  validationErrors: readonly string[] | undefined;
}

/**
 * The requests the mock received, in a ring buffer of fixed size. Recording is an array write
 * (no I/O, no formatting) so it costs the request path nothing measurable. Never holds a session
 * token: only the fields above, and the path without its query string.
 */
export class RequestJournal {
  private readonly slots: JournalRecord[] = [];
  private next = 0;
  private seq = 0;
  private dropped = 0;

  constructor(readonly capacity: number = DEFAULT_JOURNAL_CAPACITY) {}

  get size(): number {
    return this.slots.length;
  }

  record(entry: JournalRecord): void {
    entry.seq = ++this.seq;
    if (this.slots.length < this.capacity) {
      this.slots.push(entry);
      return;
    }
    this.slots[this.next] = entry;
    this.next = (this.next + 1) % this.capacity;
    this.dropped++;
  }

  /** Oldest first, as the admin document's Journal. */
  read(): Journal {
    const ordered = [...this.slots.slice(this.next), ...this.slots.slice(0, this.next)];
    return { capacity: this.capacity, dropped: this.dropped, entries: ordered.map(toEntry) };
  }

  /** Empties the buffer; sequence numbers keep counting. */
  clear(): void {
    this.slots.length = 0;
    this.next = 0;
    this.dropped = 0;
  }
}

function toEntry(record: JournalRecord): JournalEntry {
  return {
    seq: record.seq,
    receivedAt: new Date(performance.timeOrigin + record.startedMs).toISOString(),
    method: record.method,
    path: record.path,
    ...(record.operationId ? { operationId: record.operationId } : {}),
    status: record.status,
    requestId: record.requestId,
    clientSubject: record.clientSubject,
    durationMs: Math.round(record.durationMs * 10) / 10,
    ...(record.fault ? { fault: record.fault } : {}),
    ...(record.validationErrors?.length ? { validationErrors: [...record.validationErrors] } : {}),
  };
}

/** What the server knows about one finished exchange, turned into a journal record. */
export function describeExchange(
  request: IncomingMessage,
  exchange: {
    startedMs: number;
    operationId: string | undefined;
    status: number;
    requestId: string;
    fault: FaultKind | undefined;
    body: Record<string, unknown> | undefined;
  },
): JournalRecord {
  const url = request.url ?? '/';
  const queryStart = url.indexOf('?');
  return {
    seq: 0,
    startedMs: exchange.startedMs,
    method: request.method ?? 'GET',
    // The query string is left out: it is the one part of a request a token could hide in.
    path: queryStart === -1 ? url : url.slice(0, queryStart),
    operationId: exchange.operationId,
    status: exchange.status,
    requestId: exchange.requestId,
    clientSubject: peerIdentity(request.socket).subject,
    durationMs: performance.now() - exchange.startedMs,
    fault: exchange.fault,
    validationErrors:
      exchange.status >= 400
        ? (exchange.body?.validationErrors as readonly string[] | undefined)
        : undefined,
  };
}
