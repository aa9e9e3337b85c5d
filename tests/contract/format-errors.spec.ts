import { expect, test } from '@playwright/test';

import { formatValidationErrors, toFieldPath } from '../../lib/contract/format-errors.js';
import { getContractValidators } from '../../lib/contract/validators.js';

test.describe('validation error lines', () => {
  test('write JSON pointers as field paths with array indexes', () => {
    expect(toFieldPath('/clientEvents/0/clientEventType')).toBe('clientEvents[0].clientEventType');
    expect(toFieldPath('/ads/a~1b')).toBe('ads.a/b');
    expect(toFieldPath('')).toBe('(body)');
  });

  test('name each missing or invalid field once', () => {
    const validate = getContractValidators().requestValidator('clientEvent')!;
    validate({ clientEvents: [{ clientEventId: 'x', clientEvent: 'Nope' }] });

    expect(formatValidationErrors(validate.errors)).toEqual([
      'clientEvents[0].clientEventType: is required',
      'clientEvents[0].clientEventTimestamp: is required',
      expect.stringMatching(
        /^clientEvents\[0\]\.clientEvent: must be one of DisplayElementExpanded, /,
      ),
    ]);
  });

  test('add the schema path when asked, for mock self-checks', () => {
    const validate = getContractValidators().requestValidator('getAds')!;
    validate({ channel: 'MobileApp', maxAdLimit: 0 });

    expect(formatValidationErrors(validate.errors, { withSchemaPath: true })).toEqual([
      expect.stringMatching(/^maxAdLimit: must be >= 1 \(schema .*maxAdLimit\/minimum\)$/),
    ]);
  });
});
