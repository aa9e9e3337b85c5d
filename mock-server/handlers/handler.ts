import type { IncomingHttpHeaders } from 'node:http';

import type { OperationId, RequestBody, SuccessBody } from '../../lib/contract/types.js';
import { sessionProblem } from '../problems.js';
import type { SessionClaims, SessionTokens } from '../session-tokens.js';
import type { MockState } from '../state/mock-state.js';

/** What a handler gets: the validated body, the verified session (if the operation needs one). */
export interface HandlerContext<Id extends OperationId> {
  body: RequestBody<Id>;
  session: SessionClaims | undefined;
  state: MockState;
  tokens: SessionTokens;
  headers: IncomingHttpHeaders;
}

/** The answer body without `requestId`, which the server adds. */
export type HandlerAnswer<Id extends OperationId> = Omit<SuccessBody<Id>, 'requestId'>;

/** A handler returns its 200 body or throws a `Problem`. */
export type Handler<Id extends OperationId> = (
  context: HandlerContext<Id>,
) => HandlerAnswer<Id> | Promise<HandlerAnswer<Id>>;

/**
 * The customer a customer-scope session belongs to. The server verifies the scope before calling
 * a customer-scope handler, so the claim exists; the customer itself may be gone when the sandbox
 * was reset or reseeded through the admin API after the session started, which is a 401 like any
 * other session that is no longer good.
 */
export function sessionCustomerId(session: SessionClaims | undefined, state: MockState): string {
  const sourceCustomerId = session?.sourceCustomerId ?? '';
  if (!state.customers.has(sourceCustomerId)) {
    throw sessionProblem(
      `The customer "${sourceCustomerId}" of this session no longer exists (the sandbox was reset or reseeded); call startSession again`,
    );
  }
  return sourceCustomerId;
}
