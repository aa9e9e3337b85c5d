import { expect, test } from '@playwright/test';

import { AllowList } from '../../mock-server/allow-list.js';

test.describe('allow-list', () => {
  test('admits loopback only by default, IPv4, IPv6 and IPv4-mapped IPv6', () => {
    const list = new AllowList();

    expect(list.allows('127.0.0.1')).toBe(true);
    expect(list.allows('127.8.9.10')).toBe(true);
    expect(list.allows('::1')).toBe(true);
    expect(list.allows('::ffff:127.0.0.1')).toBe(true);
    expect(list.allows('10.0.0.1')).toBe(false);
    expect(list.allows('::ffff:192.168.1.1')).toBe(false);
  });

  test('matches addresses against each CIDR range given', () => {
    const list = new AllowList(['127.0.0.2/32', '203.0.113.0/24']);

    expect(list.allows('127.0.0.2')).toBe(true);
    expect(list.allows('127.0.0.1')).toBe(false);
    expect(list.allows('203.0.113.77')).toBe(true);
    expect(list.allows('203.0.114.1')).toBe(false);
  });

  test('refuses a missing or unparseable source address', () => {
    const list = new AllowList();

    expect(list.allows(undefined)).toBe(false);
    expect(list.allows('localhost')).toBe(false);
  });

  test('rejects a range it cannot parse with a message that shows the value', () => {
    expect(() => new AllowList(['10.0.0.0/33'])).toThrow('"10.0.0.0/33" is not a valid CIDR range');
    expect(() => new AllowList(['not-an-ip'])).toThrow('"not-an-ip" is not a valid CIDR range');
  });
});
