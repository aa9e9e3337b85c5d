import { expect, test } from '@playwright/test';

import { formatValidationErrors } from '../../lib/contract/format-errors.js';
import { loadContract, resolvePointer } from '../../lib/contract/load-contract.js';
import { getContractValidators } from '../../lib/contract/validators.js';

const doc = loadContract();
const validators = getContractValidators(doc);

/** Every `example`/`examples` the contract holds next to a schema, with where it sits. */
function collectSchemaExamples(): { pointer: string; example: unknown }[] {
  const found: { pointer: string; example: unknown }[] = [];
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    if (schema.type !== 'object') continue;
    for (const example of (schema.examples as unknown[] | undefined) ?? []) {
      found.push({ pointer: `#/components/schemas/${name}`, example });
    }
  }
  return found;
}

test.describe('contract validators', () => {
  test('compile a request validator for every operation that takes a body', () => {
    for (const operation of validators.operations) {
      const validator = validators.requestValidator(operation.operationId);
      expect(Boolean(validator), operation.operationId).toBe(
        Boolean(operation.requestSchemaPointer),
      );
    }
  });

  test('compile a response validator for every declared status with a JSON body', () => {
    for (const operation of validators.operations) {
      for (const [status, spec] of Object.entries(operation.responses)) {
        if (!spec.schemaPointer) continue;
        expect(validators.responseValidator(operation.operationId, Number(status))).toBeDefined();
      }
    }
  });

  test('declare the error body on 400, 404, 405, 415 and 500 of every operation', () => {
    for (const operation of validators.operations) {
      for (const status of ['400', '404', '405', '415', '500']) {
        expect(
          operation.responses[status]?.schemaPointer,
          `${operation.operationId} ${status}`,
        ).toBeDefined();
      }
    }
  });

  test('accept the object examples written into the contract', () => {
    const examples = collectSchemaExamples();
    for (const { pointer, example } of examples) {
      const name = pointer.split('/').pop()!;
      const validate = validators.schemaValidator(name);
      expect(
        validate(example),
        `${name}: ${formatValidationErrors(validate.errors).join('; ')}`,
      ).toBe(true);
    }
  });

  test('accept the reference sheet getAds answer and refuse a wrong reward type', () => {
    const validate = validators.responseValidator('getAds', 200)!;
    const answer = {
      requestId: 'r-1',
      ads: {
        '1000001': {
          adId: '1000001',
          adType: 'CASH_BACK_OFFER',
          adServeToken: 'srv-tok-abc123',
          merchantName: 'Example Coffee',
          reward: { rewardType: 'PERCENT_AMOUNT_PURCHASE', rewardAmount: 5, maxRewardAmount: 20 },
          activationState: 'NEW',
          visibilityState: 'VISIBLE',
        },
      },
      rankings: { all: ['1000001'] },
      categories: {},
    };
    expect(validate(answer)).toBe(true);

    const broken = structuredClone(answer);
    (broken.ads['1000001'].reward as { rewardType: string }).rewardType = 'CASH';
    expect(validate(broken)).toBe(false);
    expect(formatValidationErrors(validate.errors, { data: broken })[0]).toMatch(
      /^ads\.1000001\.reward\.rewardType: must be one of/,
    );
  });

  test('resolve the session-token security scheme as the X-CDLX-Session-Token header', () => {
    expect(resolvePointer(doc, '#/components/securitySchemes/sessionToken')).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-CDLX-Session-Token',
    });
  });
});
