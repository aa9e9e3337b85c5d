import { expect, test } from '@playwright/test';

import {
  MAX_REMEMBERED_BODIES,
  MAX_REMEMBERED_BODY_BYTES,
  ValidBodies,
} from '../../mock-server/valid-bodies.js';

const raw = (text: string): Buffer => Buffer.from(text);

test.describe('remembered valid bodies', () => {
  test('give back the same frozen value for the same bytes of the same operation', () => {
    const bodies = new ValidBodies();
    const text = '{"channel":"MobileApp","sections":["a"]}';
    const value = bodies.remember('getAds', raw(text), JSON.parse(text) as object);

    expect(bodies.get('getAds', raw(text))).toBe(value);
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen((value as { sections: string[] }).sections)).toBe(true);
    expect(() => (value as { sections: string[] }).sections.push('b')).toThrow(TypeError);
  });

  test('keep operations, byte-level differences and large bodies apart', () => {
    const bodies = new ValidBodies();
    bodies.remember('getAds', raw('{"channel":"MobileApp"}'), { channel: 'MobileApp' });
    const large = raw(`{"x":"${'a'.repeat(MAX_REMEMBERED_BODY_BYTES)}"}`);
    bodies.remember('getAds', large, { x: 'a' });

    expect(bodies.get('clientEvent', raw('{"channel":"MobileApp"}'))).toBeUndefined();
    expect(bodies.get('getAds', raw('{"channel": "MobileApp"}'))).toBeUndefined();
    expect(bodies.get('getAds', large)).toBeUndefined();
  });

  test('forget the body remembered first once full', () => {
    const bodies = new ValidBodies();
    for (let index = 0; index <= MAX_REMEMBERED_BODIES; index++) {
      bodies.remember('getAds', raw(`{"n":${index}}`), { n: index });
    }

    expect(bodies.get('getAds', raw('{"n":0}'))).toBeUndefined();
    expect(bodies.get('getAds', raw('{"n":1}'))).toEqual({ n: 1 });
    expect(bodies.get('getAds', raw(`{"n":${MAX_REMEMBERED_BODIES}}`))).toEqual({
      n: MAX_REMEMBERED_BODIES,
    });
  });
});
