import { randomBytes, randomUUID } from 'node:crypto';

import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';

import type { MockClock } from './clock.js';
import { sessionProblem } from './problems.js';

/** One hour, as the vendor's session-token reference page states. */
export const SESSION_LIFETIME_MS = 60 * 60 * 1000;

/** Verified tokens are remembered so a check costs a map look-up; the cap bounds memory. */
const MAX_CACHED_TOKENS = 10_000;

export type Scope = 'api:customer' | 'api:institution';

export interface SessionClaims {
  /** Cardlytics' own customer id for (publisher customer, institution); absent for institution. */
  customerId?: string;
  /** Mock addition, documented in the contract: the publisher's id of the customer. */
  sourceCustomerId?: string;
  sessionId: string;
  organizationId?: number;
  /** Space-separated scopes (mock choice: the real claim's shape is not documented). */
  scope: string;
  sessionExpirationTimestamp: string;
  exp: number;
}

/** A token whose signature was checked, with its scopes split once. */
interface VerifiedToken {
  token: string;
  claims: SessionClaims;
  scopes: ReadonlySet<string>;
}

/**
 * Issues and checks session tokens: HS256 JWTs (via jose) signed with a secret that lives only in
 * this server instance, so a token from another instance or a hand-made one is "forged".
 */
export class SessionTokens {
  private readonly secret = randomBytes(32);
  /**
   * Keyed by the token's signature segment: a map look-up hashes its key, and a whole token is
   * several times longer. The entry's full token is then compared, so only that exact token hits.
   */
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(private readonly clock: MockClock) {}

  async issue(
    claims: Omit<SessionClaims, 'sessionId' | 'sessionExpirationTimestamp' | 'exp'>,
  ): Promise<string> {
    const nowMs = this.clock.now();
    const expiresMs = nowMs + SESSION_LIFETIME_MS;
    return new SignJWT({
      ...claims,
      sessionId: randomUUID(),
      sessionExpirationTimestamp: new Date(expiresMs).toISOString(),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(Math.floor(nowMs / 1000))
      .setExpirationTime(Math.floor(expiresMs / 1000))
      .setIssuer('cdlx-mock')
      .sign(this.secret);
  }

  /**
   * Returns the claims of a valid token with the scope asked for; otherwise throws the 401 the
   * contract describes. The title tells the caller which of the cases it was.
   */
  async verify(
    token: string | undefined,
    requiredScope: string | undefined,
  ): Promise<SessionClaims> {
    if (!token)
      throw sessionProblem('Missing X-CDLX-Session-Token header; call startSession first');
    const known = this.lookUp(token) ?? (await this.verifySignature(token));
    return this.checkClaims(token, known, requiredScope);
  }

  /**
   * `verify` for a token whose signature was checked before, without a promise: the claims (or
   * the same 401 for an expired token or a missing scope), or undefined when the token is new or
   * absent and `verify` must decide. Every request of a session after its first takes this path.
   */
  verifyKnown(
    token: string | undefined,
    requiredScope: string | undefined,
  ): SessionClaims | undefined {
    const known = token === undefined ? undefined : this.lookUp(token);
    return known && this.checkClaims(token!, known, requiredScope);
  }

  private lookUp(token: string): VerifiedToken | undefined {
    const known = this.verified.get(signatureOf(token));
    return known?.token === token ? known : undefined;
  }

  private checkClaims(
    token: string,
    known: VerifiedToken,
    requiredScope: string | undefined,
  ): SessionClaims {
    const { claims, scopes } = known;
    if (claims.exp * 1000 <= this.clock.now()) {
      this.verified.delete(signatureOf(token));
      throw sessionProblem('Session expired; call startSession again');
    }
    if (requiredScope && !scopes.has(requiredScope)) {
      throw sessionProblem(`Session token lacks the ${requiredScope} scope this operation needs`);
    }
    return claims;
  }

  private async verifySignature(token: string): Promise<VerifiedToken> {
    try {
      // Expiry is checked against the mock clock by the caller, so jose must not reject it here.
      const { payload } = await jwtVerify(token, this.secret, {
        algorithms: ['HS256'],
        issuer: 'cdlx-mock',
        currentDate: new Date(0),
      });
      const claims = payload as unknown as SessionClaims;
      const known = { token, claims, scopes: new Set(claims.scope.split(' ')) };
      if (this.verified.size >= MAX_CACHED_TOKENS) this.verified.clear();
      this.verified.set(signatureOf(token), known);
      return known;
    } catch (error) {
      if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
        throw sessionProblem('Session token signature is not valid; call startSession again');
      }
      throw sessionProblem('Session token is malformed; send the sessionToken from startSession');
    }
  }
}

/** A JWT's last segment, its signature (the whole text when there is no dot). */
function signatureOf(token: string): string {
  return token.slice(token.lastIndexOf('.') + 1);
}
