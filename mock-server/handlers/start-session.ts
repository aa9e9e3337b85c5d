import { createHash } from 'node:crypto';

import { Problem, validationProblem } from '../problems.js';
import type { Handler } from './handler.js';

/** The literal messages the vendor documents for these two refusals. */
export const NOT_ENROLLED_MESSAGE =
  'User is not enrolled in the program and should not receive events.';
export const NO_ACCOUNTS_MESSAGE = 'User has no accounts';

export const startSession: Handler<'startSession'> = async ({ body, state, tokens }) => {
  const scope = [...new Set(body.scopes)].join(' ');
  const organizationId = body.organizationId ? Number(body.organizationId) : undefined;
  const organization = Number.isInteger(organizationId) ? { organizationId: organizationId! } : {};

  if (!body.scopes.includes('api:customer')) {
    return { sessionToken: await tokens.issue({ scope, ...organization }) };
  }

  const sourceCustomerId = body.sourceCustomerId;
  if (!sourceCustomerId) {
    throw validationProblem(['sourceCustomerId: is required for the api:customer scope']);
  }
  const customer = state.customers.get(sourceCustomerId);
  if (!customer) {
    // Mock choice: the real API's answer for an unknown customer is not documented.
    throw validationProblem(
      [
        `sourceCustomerId: no customer "${sourceCustomerId}"; create it with POST /v2/data/customers`,
      ],
      'Unknown customer',
    );
  }
  if (customer.enrollmentOptInStatus === 'INACTIVE') {
    throw new Problem(400, 'ValidationException', NOT_ENROLLED_MESSAGE);
  }
  if (!customer.accounts || customer.accounts.length === 0) {
    throw new Problem(400, 'ValidationException', NO_ACCOUNTS_MESSAGE);
  }
  return {
    sessionToken: await tokens.issue({
      scope,
      sourceCustomerId,
      customerId: cardlyticsCustomerId(state.institutionId, sourceCustomerId),
      ...organization,
    }),
  };
};

/** A stable stand-in for Cardlytics' own id of the (institution, customer) pair. */
function cardlyticsCustomerId(institutionId: string, sourceCustomerId: string): string {
  return createHash('sha256')
    .update(`${institutionId}/${sourceCustomerId}`)
    .digest('hex')
    .slice(0, 16);
}
