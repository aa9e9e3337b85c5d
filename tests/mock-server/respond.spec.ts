import { expect, test } from '@playwright/test';

import { getContractValidators } from '../../lib/contract/validators.js';
import { checkAnswer } from '../../mock-server/respond.js';

const validators = getContractValidators();

test.describe('answer self-check', () => {
  test('passes an answer that matches the contract unchanged', () => {
    const answer = { status: 200, body: { status: 'UP', requestId: 'r1' } };

    expect(checkAnswer(validators, 'healthcheck', answer)).toBe(answer);
  });

  test('turns an answer with a wrong type into a 500 naming the field and the schema path', () => {
    const answer = { status: 200, body: { sessionToken: 42, requestId: 'r1' } };

    const checked = checkAnswer(validators, 'startSession', answer);

    expect(checked.status).toBe(500);
    expect(checked.body).toMatchObject({ type: 'InternalServerError', requestId: 'r1' });
    expect((checked.body as { validationErrors: string[] }).validationErrors).toEqual([
      expect.stringMatching(/^sessionToken: must be string \(schema .*sessionToken\/type\)$/),
    ]);
  });

  test('turns an answer with an undeclared field into a 500 naming the field', () => {
    const answer = { status: 200, body: { sessionToken: 't', requestId: 'r1', sesionToken: 't' } };

    const checked = checkAnswer(validators, 'startSession', answer);

    expect(checked.status).toBe(500);
    expect((checked.body as { validationErrors: string[] }).validationErrors).toEqual([
      'sesionToken: is not declared in the contract',
    ]);
  });

  test('checks error bodies against the error schema', () => {
    const answer = {
      status: 404,
      body: { type: 'NotFound', title: 'x', status: '404', requestId: 'r1' },
    };

    expect(checkAnswer(validators, undefined, answer).status).toBe(500);
  });
});
