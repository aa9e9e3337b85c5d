import { expect, test } from '@playwright/test';

import { loadAdminContract } from '../../lib/admin-client/admin-contract.js';
import { formatValidationErrors } from '../../lib/contract/format-errors.js';
import { getContractValidators } from '../../lib/contract/validators.js';
import { checkSeed } from '../../mock-server/admin/check-seed.js';
import { buildDefaultSeed } from '../../mock-server/state/default-seed.js';

test.describe('admin API document', () => {
  test('merges the contract schemas so every admin operation compiles and refs resolve locally', () => {
    const contract = loadAdminContract();
    const validators = getContractValidators(contract);

    expect(JSON.stringify(contract)).not.toContain('publisher-v2.yaml#');
    expect(validators.operations.map((operation) => operation.operationId).sort()).toEqual(
      [
        'addFault',
        'clearFaults',
        'clearJournal',
        'getClock',
        'getSandboxStatus',
        'listFaults',
        'loadSeed',
        'moveClock',
        'readJournal',
        'resetSandbox',
      ].sort(),
    );
    expect(validators.requestValidator('loadSeed')).toBeDefined();
  });

  test('the built-in seed passes the schema and the seed checks', () => {
    const seed = buildDefaultSeed(Date.now());
    const validate = getContractValidators(loadAdminContract()).requestValidator('loadSeed')!;

    const valid = validate(seed);

    expect(formatValidationErrors(validate.errors, { data: seed })).toEqual([]);
    expect(valid).toBe(true);
    expect(checkSeed(seed, loadAdminContract())).toEqual([]);
  });

  test('a status fault without its status is refused by the document', () => {
    const validate = getContractValidators(loadAdminContract()).requestValidator('addFault')!;

    expect(validate({ kind: 'status' })).toBe(false);
    expect(formatValidationErrors(validate.errors)).toEqual(['status: is required']);
  });

  test('a clock move must be exactly one of the three', () => {
    const validate = getContractValidators(loadAdminContract()).requestValidator('moveClock')!;

    expect(validate({ advanceMs: 1, reset: true })).toBe(false);
    expect(validate({})).toBe(false);
    expect(validate({ setTo: '2030-01-01T00:00:00Z' })).toBe(true);
  });
});
