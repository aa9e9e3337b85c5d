import { expect as baseExpect } from '@playwright/test';

import { formatValidationErrors, toFieldPath } from '../contract/format-errors.js';
import { getContractValidators } from '../contract/validators.js';
import type { ContractResponse } from './cdlx-client.js';

/**
 * `expect(response).toMatchContract()`: the one assertion that a response matches the schema the
 * contract gives for its operation and status. On failure it shows the operation, each JSON path
 * and the offending value.
 */
export const expect = baseExpect.extend({
  toMatchContract(response: ContractResponse) {
    const name = 'toMatchContract';
    const validators = getContractValidators();
    const validate = validators.responseValidator(response.operationId, response.status);
    if (!validate) {
      return {
        name,
        pass: false,
        message: () =>
          `${response.operationId} answered ${response.status}, a status the contract does not declare for it`,
      };
    }
    const pass = validate(response.body);
    const lines = pass
      ? []
      : (validate.errors ?? []).map((error) => {
          const value = valueAt(response.body, error.instancePath);
          const [message] = formatValidationErrors([error], { data: response.body });
          return `  ${message ?? toFieldPath(error.instancePath)} (got ${preview(value)})`;
        });
    return {
      name,
      pass,
      message: () =>
        pass
          ? `${response.operationId} ${response.status} matches the contract, which was not expected`
          : [
              `${response.operationId} ${response.status} response breaks the contract:`,
              ...new Set(lines),
            ].join('\n'),
    };
  },
});

function valueAt(body: unknown, instancePath: string): unknown {
  if (instancePath === '') return body;
  return instancePath
    .slice(1)
    .split('/')
    .reduce<unknown>((node, token) => (node as Record<string, unknown> | undefined)?.[token], body);
}

/** Shows a value briefly: long bodies would drown the message. */
function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
