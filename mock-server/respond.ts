import type { ServerResponse } from 'node:http';

import { formatValidationErrors } from '../lib/contract/format-errors.js';
import { findUnknownFields } from '../lib/contract/unknown-fields.js';
import type { ContractValidators } from '../lib/contract/validators.js';
import { internalProblem } from './problems.js';

export const REQUEST_ID_HEADER = 'x-cdlx-request-id';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * Checks an answer against the contract before it leaves: the schema for its operation and status
 * (or the error schema), and no field the contract does not declare. A mock bug thus becomes a 500
 * naming the schema path, so a spec fails instead of passing against a wrong answer.
 */
export function checkAnswer(
  validators: ContractValidators,
  operationId: string | undefined,
  answer: Answer,
): Answer {
  const validator =
    (operationId && validators.responseValidator(operationId, answer.status)) ||
    validators.schemaValidator('Error');
  const schemaErrors = validator(answer.body)
    ? []
    : formatValidationErrors(validator.errors, { withSchemaPath: true, data: answer.body });
  const pointer = validatorPointer(validators, operationId, answer.status);
  const unknown = pointer ? findUnknownFields(pointer, answer.body) : [];
  if (schemaErrors.length === 0 && unknown.length === 0) return answer;

  const what = `${operationId ?? 'error'} ${answer.status}`;
  const problem = internalProblem(`The mock's ${what} answer breaks the contract (a mock bug)`, [
    ...schemaErrors,
    ...unknown.map((field) => `${field}: is not declared in the contract`),
  ]);
  return {
    status: 500,
    body: problem.toBody(typeof answer.body.requestId === 'string' ? answer.body.requestId : ''),
  };
}

function validatorPointer(
  validators: ContractValidators,
  operationId: string | undefined,
  status: number,
): string | undefined {
  const operation = validators.operations.find((op) => op.operationId === operationId);
  return operation?.responses[String(status)]?.schemaPointer ?? '#/components/schemas/Error';
}

/** Serialises once and sends with an exact Content-Length. */
export function sendAnswer(response: ServerResponse, answer: Answer, requestId: string): void {
  const payload = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    [REQUEST_ID_HEADER]: requestId,
    ...answer.headers,
  });
  response.end(payload);
}
