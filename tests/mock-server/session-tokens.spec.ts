import { expect, test } from '@playwright/test';

import { MockClock } from '../../mock-server/clock.js';
import type { Problem } from '../../mock-server/problems.js';
import { SESSION_LIFETIME_MS, SessionTokens } from '../../mock-server/session-tokens.js';

async function titleOf(promise: Promise<unknown>): Promise<string> {
  const problem = (await promise.then(
    () => null,
    (error: unknown) => error,
  )) as Problem | null;
  if (!problem) throw new Error('expected a 401');
  expect(problem.status).toBe(401);
  expect(problem.type).toBe('SessionValidationException');
  return problem.message;
}

test.describe('session tokens', () => {
  test('accept a fresh token with the scope asked for', async () => {
    const tokens = new SessionTokens(new MockClock());
    const token = await tokens.issue({ scope: 'api:customer', sourceCustomerId: 'c1' });

    const claims = await tokens.verify(token, 'api:customer');

    expect(claims.sourceCustomerId).toBe('c1');
  });

  test('tell missing, malformed, forged, expired and wrong-scope tokens apart in the title', async () => {
    const clock = new MockClock();
    const tokens = new SessionTokens(clock);
    const other = new SessionTokens(clock);
    const token = await tokens.issue({ scope: 'api:institution' });
    const forged = await other.issue({ scope: 'api:customer', sourceCustomerId: 'c1' });

    expect(await titleOf(tokens.verify(undefined, 'api:customer'))).toContain('Missing');
    expect(await titleOf(tokens.verify('abc.def', 'api:customer'))).toContain('malformed');
    expect(await titleOf(tokens.verify(forged, 'api:customer'))).toContain('signature');
    expect(await titleOf(tokens.verify(token, 'api:customer'))).toContain('api:customer');
    clock.advance(SESSION_LIFETIME_MS + 1);
    expect(await titleOf(tokens.verify(token, 'api:institution'))).toContain('expired');
  });

  test('check a token seen before without a promise, and leave a new one to verify', async () => {
    const clock = new MockClock();
    const tokens = new SessionTokens(clock);
    const token = await tokens.issue({ scope: 'api:customer', sourceCustomerId: 'c1' });

    expect(tokens.verifyKnown(token, 'api:customer')).toBeUndefined();
    await tokens.verify(token, 'api:customer');

    expect(tokens.verifyKnown(token, 'api:customer')?.sourceCustomerId).toBe('c1');
    expect(() => tokens.verifyKnown(token, 'api:institution')).toThrow(/api:institution/);
    clock.advance(SESSION_LIFETIME_MS);
    expect(() => tokens.verifyKnown(token, 'api:customer')).toThrow(/expired/);
  });

  test('keep answering expired for a cached token once the clock moves past its hour', async () => {
    const clock = new MockClock();
    const tokens = new SessionTokens(clock);
    const token = await tokens.issue({ scope: 'api:customer', sourceCustomerId: 'c1' });
    await tokens.verify(token, 'api:customer');

    clock.advance(SESSION_LIFETIME_MS);

    expect(await titleOf(tokens.verify(token, 'api:customer'))).toContain('expired');
  });
});

test.describe('session tokens seen before', () => {
  test('hit only for the very token verified, not one that merely shares its signature', async () => {
    const tokens = new SessionTokens(new MockClock());
    const token = await tokens.issue({ scope: 'api:customer', sourceCustomerId: 'c1' });
    await tokens.verify(token, 'api:customer');
    const [, payload, signature] = token.split('.');
    const alteredHeader = Buffer.from('{"alg":"HS256","typ":"JWT","x":1}').toString('base64url');
    const lookalike = `${alteredHeader}.${payload}.${signature}`;

    expect(tokens.verifyKnown(token, 'api:customer')?.sourceCustomerId).toBe('c1');
    expect(tokens.verifyKnown(lookalike, 'api:customer')).toBeUndefined();
    expect(await titleOf(tokens.verify(lookalike, 'api:customer'))).toContain('signature');
  });
});
