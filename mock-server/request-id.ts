import { randomFillSync } from 'node:crypto';

/**
 * Random (version 4) UUIDs for answers whose request came without an id, as flat strings.
 *
 * crypto.randomUUID() returns its text as a chain of small joined strings; the first code that
 * reads it (a regular expression, a header check, an encoder) flattens the chain, which costs
 * several times the UUID itself, once per request. Here the text is written as bytes and read
 * back in one piece. The random bytes come from a pool refilled 256 UUIDs at a time, as
 * randomUUID's own cache does.
 */

const UUIDS_PER_FILL = 256;
const pool = Buffer.alloc(16 * UUIDS_PER_FILL);
let next = UUIDS_PER_FILL;

const HEX = Buffer.from('0123456789abcdef', 'latin1');
const text = Buffer.alloc(36);
/** Where each of the 16 bytes' two hex digits go in `8-4-4-4-12`. */
const OFFSETS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];
for (const dash of [8, 13, 18, 23]) text[dash] = 0x2d;

export function newRequestId(): string {
  if (next === UUIDS_PER_FILL) {
    randomFillSync(pool);
    next = 0;
  }
  const start = 16 * next++;
  // RFC 9562 §5.4: version 4 in the high nibble of byte 6, variant 10 in the top bits of byte 8.
  pool[start + 6] = (pool[start + 6]! & 0x0f) | 0x40;
  pool[start + 8] = (pool[start + 8]! & 0x3f) | 0x80;
  for (let index = 0; index < 16; index++) {
    const byte = pool[start + index]!;
    const at = OFFSETS[index]!;
    text[at] = HEX[byte >> 4]!;
    text[at + 1] = HEX[byte & 0x0f]!;
  }
  return text.toString('latin1', 0, 36);
}
