import { expect, test } from '@playwright/test';

import { RequestJournal, type JournalRecord } from '../../mock-server/journal.js';

function record(path: string): JournalRecord {
  return {
    seq: 0,
    startedMs: performance.now(),
    method: 'GET',
    path,
    operationId: 'healthcheck',
    status: 200,
    requestId: `req-${path}`,
    clientSubject: 'CN=test',
    durationMs: 1.234,
    fault: undefined,
    validationErrors: undefined,
  };
}

test.describe('request journal', () => {
  test('keeps the newest entries oldest first and counts the ones it overwrote', () => {
    const journal = new RequestJournal(3);

    for (const path of ['/a', '/b', '/c', '/d', '/e']) journal.record(record(path));
    const { entries, dropped, capacity } = journal.read();

    expect(capacity).toBe(3);
    expect(dropped).toBe(2);
    expect(entries.map((entry) => [entry.seq, entry.path])).toEqual([
      [3, '/c'],
      [4, '/d'],
      [5, '/e'],
    ]);
  });

  test('formats an entry as the admin document says and leaves out empty optional fields', () => {
    const journal = new RequestJournal();
    journal.record(record('/healthcheck'));

    const [entry] = journal.read().entries;

    expect(entry).toEqual({
      seq: 1,
      receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      method: 'GET',
      path: '/healthcheck',
      operationId: 'healthcheck',
      status: 200,
      requestId: 'req-/healthcheck',
      clientSubject: 'CN=test',
      durationMs: 1.2,
    });
  });

  test('clearing empties it while sequence numbers keep counting', () => {
    const journal = new RequestJournal(2);
    journal.record(record('/a'));
    journal.record(record('/b'));
    journal.record(record('/c'));

    journal.clear();
    journal.record(record('/d'));

    expect(journal.read()).toMatchObject({ dropped: 0, entries: [{ seq: 4, path: '/d' }] });
  });
});
