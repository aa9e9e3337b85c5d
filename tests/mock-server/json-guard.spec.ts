import { expect, test } from '@playwright/test';

import {
  exceedsJsonDepth,
  findPrototypeKey,
  MAX_JSON_DEPTH,
} from '../../mock-server/json-guard.js';

const bytes = (text: string): Buffer => Buffer.from(text);
const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

test.describe('JSON guard', () => {
  test('allows nesting up to the limit and refuses one level more', () => {
    expect(exceedsJsonDepth(bytes(nested(MAX_JSON_DEPTH)))).toBe(false);
    expect(exceedsJsonDepth(bytes(nested(MAX_JSON_DEPTH + 1)))).toBe(true);
  });

  test('counts siblings as one level, not as depth', () => {
    const wide = `[${Array.from({ length: 500 }, () => '{"a":[1]}').join(',')}]`;

    expect(exceedsJsonDepth(bytes(wide))).toBe(false);
  });

  test('ignores brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ note: `"${'['.repeat(200)}\\"{{{{` });

    expect(exceedsJsonDepth(bytes(text))).toBe(false);
  });

  test('ignores brackets-like bytes inside multi-byte UTF-8 text', () => {
    const text = JSON.stringify({ name: 'Café [Zürich] 東京'.repeat(50), list: [[[]]] });

    expect(exceedsJsonDepth(bytes(text))).toBe(false);
  });

  test('finds __proto__ and constructor.prototype keys, and names their path', () => {
    const withProto = '{"a":[{"b":{"__proto__":{"x":1}}}]}';
    const withConstructor = '{"constructor":{"prototype":{}}}';

    expect(findPrototypeKey(withProto, JSON.parse(withProto))).toBe('a[0].b.__proto__');
    expect(findPrototypeKey(withConstructor, JSON.parse(withConstructor))).toBe(
      'constructor.prototype',
    );
  });

  test('lets a plain constructor field through', () => {
    const text = '{"constructor":"Example Builders Ltd","prototype":true}';

    expect(findPrototypeKey(text, JSON.parse(text))).toBeUndefined();
  });
});
