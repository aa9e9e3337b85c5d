import type { ServerResponse } from 'node:http';

import type { ValidateFunction } from 'ajv';

import { formatValidationErrors } from '../lib/contract/format-errors.js';
import { findUnknownFields } from '../lib/contract/unknown-fields.js';
import type { ContractValidators } from '../lib/contract/validators.js';
import { ANSWER_SLOT, type AnswerSlot, type SlottedBody } from './answer-cache.js';
import { internalProblem } from './problems.js';

export const REQUEST_ID_HEADER = 'x-cdlx-request-id';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string> | undefined;
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
  // A cached answer that passed this check before is sent as it was then (see answer-cache.ts).
  const slot = (answer.body as SlottedBody)[ANSWER_SLOT];
  if (slot?.jsonHead) return answer;

  const { validator, pointer } = answerSchema(validators, operationId, answer.status);
  const schemaErrors = validator(answer.body)
    ? []
    : formatValidationErrors(validator.errors, { withSchemaPath: true, data: answer.body });
  const unknown = findUnknownFields(pointer, answer.body);
  if (schemaErrors.length === 0 && unknown.length === 0) {
    if (slot) {
      const { requestId: _requestId, ...withoutRequestId } = answer.body;
      const json = JSON.stringify(withoutRequestId);
      slot.jsonHead = Buffer.from(json.slice(0, -1));
      slot.hasFields = json !== '{}';
    }
    return answer;
  }

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

interface AnswerSchema {
  validator: ValidateFunction;
  /** Where the schema sits in the contract, for the undeclared-field walk. */
  pointer: string;
}

const ERROR_SCHEMA_POINTER = '#/components/schemas/Error';
const NO_OPERATION = '';
const answerSchemas = new WeakMap<ContractValidators, Map<string, Map<number, AnswerSchema>>>();

/**
 * The validator and schema pointer for one operation and status, worked out on first use and
 * remembered: every answer needs them, and finding them means a scan of the operation list.
 */
function answerSchema(
  validators: ContractValidators,
  operationId: string | undefined,
  status: number,
): AnswerSchema {
  let byOperation = answerSchemas.get(validators);
  if (!byOperation) {
    byOperation = new Map();
    answerSchemas.set(validators, byOperation);
  }
  let byStatus = byOperation.get(operationId ?? NO_OPERATION);
  if (!byStatus) {
    byStatus = new Map();
    byOperation.set(operationId ?? NO_OPERATION, byStatus);
  }
  let schema = byStatus.get(status);
  if (!schema) {
    const operation = validators.operations.find((op) => op.operationId === operationId);
    schema = {
      validator:
        (operationId && validators.responseValidator(operationId, status)) ||
        validators.schemaValidator('Error'),
      pointer: operation?.responses[String(status)]?.schemaPointer ?? ERROR_SCHEMA_POINTER,
    };
    byStatus.set(status, schema);
  }
  return schema;
}

/**
 * Sends with an exact Content-Length. A checked cached answer goes out as its stored bytes plus a
 * short tail with the request id, in two writes the socket sends together (Node corks a response's
 * writes within a tick): no 12 KB string to build, encode or allocate per request. Such an answer
 * may come without `requestId` in its body (the exchange does not copy it to add one): the tail
 * always carries `requestId` as given here.
 */
export function sendAnswer(response: ServerResponse, answer: Answer, requestId: string): void {
  const slot = (answer.body as SlottedBody)[ANSWER_SLOT];
  const head = slot?.jsonHead;
  const payload = head ? answerTail(requestId, slot) : JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    'content-type': 'application/json',
    'content-length': (head?.length ?? 0) + Buffer.byteLength(payload),
    [REQUEST_ID_HEADER]: requestId,
    ...answer.headers,
  });
  if (head) response.write(head);
  response.end(payload);
}

/**
 * The body as JSON: for a checked cached answer, its stored bytes with the request id appended,
 * which are the very bytes JSON.stringify would give.
 */
export function encodeBody(body: Record<string, unknown>): string | Buffer {
  const slot = (body as SlottedBody)[ANSWER_SLOT];
  if (!slot?.jsonHead) return JSON.stringify(body);
  return Buffer.concat([slot.jsonHead, Buffer.from(answerTail(body.requestId, slot))]);
}

/** What follows a cached answer's stored bytes: `,"requestId":"…"}`, or `}` without an id. */
function answerTail(requestId: unknown, slot: AnswerSlot): string {
  if (requestId === undefined) return '}';
  // Generated ids are UUIDs and most callers' are alike: nothing to escape, so no stringify.
  const quoted =
    typeof requestId === 'string' && PLAIN_ID.test(requestId)
      ? `"${requestId}"`
      : JSON.stringify(requestId);
  return `${slot.hasFields ? ',' : ''}"requestId":${quoted}}`;
}

/** Characters a JSON string holds as they are (no quote, backslash or control character). */
const PLAIN_ID = /^[\w.:-]*$/;
