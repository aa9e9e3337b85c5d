import { BlockList, isIP } from 'node:net';

import { UsageError } from '../lib/errors.js';

/** Loopback only, IPv4 and IPv6: the mock answers nobody else unless told to. */
export const DEFAULT_ALLOWED_CIDRS = ['127.0.0.0/8', '::1/128'] as const;

/**
 * The source-IP allow-list, as the real API keeps one. Built on node:net's BlockList, which does
 * the CIDR arithmetic for both address families.
 */
export class AllowList {
  private readonly list = new BlockList();
  readonly cidrs: readonly string[];

  constructor(cidrs: readonly string[] = DEFAULT_ALLOWED_CIDRS) {
    this.cidrs = cidrs;
    for (const cidr of cidrs) {
      const [address = '', prefixText] = cidr.split('/');
      const family = isIP(address);
      const prefix = prefixText === undefined ? (family === 6 ? 128 : 32) : Number(prefixText);
      const maxPrefix = family === 6 ? 128 : 32;
      if (family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > maxPrefix) {
        throw new UsageError(`"${cidr}" is not a valid CIDR range for the allow-list.`, {
          hint: 'Write ranges like 127.0.0.1/32, 10.20.0.0/16 or ::1/128.',
        });
      }
      this.list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
    }
  }

  /** Whether a connection from `address` may proceed (IPv4-mapped IPv6 counts as IPv4). */
  allows(address: string | undefined): boolean {
    if (!address) return false;
    const mapped = address.startsWith('::ffff:') ? address.slice(7) : address;
    const family = isIP(mapped);
    if (family === 0) return false;
    return this.list.check(mapped, family === 6 ? 'ipv6' : 'ipv4');
  }
}
