import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

import { loadContract, type OpenApiDocument } from './load-contract.js';
import { listOperations, type OperationSpec } from './operations.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives one level down.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** The `$id` under which the whole contract is registered, so `#/components/...` refs resolve. */
const CONTRACT_SCHEMA_ID = 'cdlx-contract';

/** OpenAPI keywords that are not JSON Schema: known to ajv so strict mode still flags typos. */
const OPENAPI_KEYWORDS = [
  'openapi',
  'info',
  'servers',
  'paths',
  'components',
  'tags',
  'security',
  'externalDocs',
  'webhooks',
  'jsonSchemaDialect',
  'example',
  'discriminator',
  'xml',
  'x-cdlx-event-types',
];

export interface ValidationResult {
  valid: boolean;
  errors: ErrorObject[];
}

/** ajv validators for every operation: one per request body and one per response status. */
export interface ContractValidators {
  operations: OperationSpec[];
  requestValidator(operationId: string): ValidateFunction | undefined;
  responseValidator(operationId: string, status: number): ValidateFunction | undefined;
  /** Validates any value against a named component schema, e.g. `Ad`. */
  schemaValidator(schemaName: string): ValidateFunction;
}

const cache = new WeakMap<OpenApiDocument, ContractValidators>();

/**
 * Compiles every validator of the contract once per process and document. Compiling is the
 * expensive part (tens of milliseconds); validating a 2 KB body afterwards costs about 1 µs.
 */
export function getContractValidators(doc: OpenApiDocument = loadContract()): ContractValidators {
  const cached = cache.get(doc);
  if (cached) return cached;

  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  for (const keyword of OPENAPI_KEYWORDS) ajv.addKeyword(keyword);
  ajv.addSchema(doc, CONTRACT_SCHEMA_ID);

  const compilePointer = (pointer: string): ValidateFunction =>
    ajv.compile({ $ref: `${CONTRACT_SCHEMA_ID}${pointer}` });

  const operations = listOperations(doc);
  const requests = new Map<string, ValidateFunction>();
  const responses = new Map<string, ValidateFunction>();
  for (const operation of operations) {
    if (operation.requestSchemaPointer) {
      requests.set(operation.operationId, compilePointer(operation.requestSchemaPointer));
    }
    for (const [status, spec] of Object.entries(operation.responses)) {
      if (spec.schemaPointer) {
        responses.set(`${operation.operationId} ${status}`, compilePointer(spec.schemaPointer));
      }
    }
  }
  const named = new Map<string, ValidateFunction>();
  // The mock asks for a response validator on every answer: resolve each (operation, status)
  // once, so the hot path is two Map look-ups rather than up to three string concatenations.
  const resolvedResponses = new Map<string, Map<number, ValidateFunction | undefined>>();
  const resolveResponse = (operationId: string, status: number): ValidateFunction | undefined =>
    responses.get(`${operationId} ${status}`) ??
    responses.get(`${operationId} ${String(status)[0]}XX`) ??
    responses.get(`${operationId} default`);

  const validators: ContractValidators = {
    operations,
    requestValidator: (operationId) => requests.get(operationId),
    responseValidator(operationId, status) {
      let byStatus = resolvedResponses.get(operationId);
      if (!byStatus) {
        byStatus = new Map();
        resolvedResponses.set(operationId, byStatus);
      }
      if (byStatus.has(status)) return byStatus.get(status);
      const validate = resolveResponse(operationId, status);
      byStatus.set(status, validate);
      return validate;
    },
    schemaValidator(schemaName) {
      let validate = named.get(schemaName);
      if (!validate) {
        if (!doc.components.schemas[schemaName]) {
          throw new Error(`The contract has no schema "${schemaName}".`);
        }
        validate = compilePointer(`#/components/schemas/${schemaName}`);
        named.set(schemaName, validate);
      }
      return validate;
    },
  };
  cache.set(doc, validators);
  return validators;
}
