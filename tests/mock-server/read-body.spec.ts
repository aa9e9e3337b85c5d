import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';

import { expect, test } from '@playwright/test';

import type { Problem } from '../../mock-server/problems.js';
import { readBody } from '../../mock-server/read-body.js';

/** A request stream fed by hand, chunk by chunk. */
function fakeRequest(headers: Record<string, string> = {}): Readable & IncomingMessage {
  const stream = new Readable({ read: () => undefined });
  return Object.assign(stream, { headers, socket: { destroy: () => undefined } }) as never;
}

test.describe('reading a request body', () => {
  test('joins a body that arrives in several chunks, and passes a single chunk as it is', async () => {
    const split = fakeRequest();
    const reading = readBody(split);
    for (const part of ['{"chan', 'nel":"Mob', 'ileApp"}']) split.push(Buffer.from(part));
    split.push(null);

    expect((await reading).toString()).toBe('{"channel":"MobileApp"}');

    const whole = fakeRequest();
    const chunk = Buffer.from('{}');
    const readingWhole = readBody(whole);
    whole.push(chunk);
    whole.push(null);

    expect(await readingWhole).toBe(chunk);
  });

  test('refuses with 413 once the limit is crossed, whatever comes after', async () => {
    const request = fakeRequest();
    const reading = readBody(request, 4);
    request.push(Buffer.from('{"a":'));
    request.push(Buffer.from('1}'));
    request.push(null);

    const problem = (await reading.catch((error: unknown) => error)) as Problem;
    expect(problem.status).toBe(413);
  });

  test('refuses with 413 at once when Content-Length announces too much', async () => {
    const request = fakeRequest({ 'content-length': '5000000' });

    const problem = (await readBody(request).catch((error: unknown) => error)) as Problem;
    expect(problem.status).toBe(413);
  });
});
