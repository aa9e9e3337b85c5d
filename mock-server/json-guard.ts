/**
 * Checks on a JSON request body beyond what JSON.parse does: how deep it nests (checked on the raw
 * bytes, before parsing) and whether it carries the keys that pollute prototypes. Both are cheap
 * for the mock's usual small bodies: a count of brackets and one regular-expression test.
 */

/**
 * Objects and arrays nested deeper than this are refused before parsing. The contract's deepest
 * body (a customer with accounts and cards) nests about 6 levels; V8 parses any depth, but every
 * recursive step after it (schema validation, handlers, error formatting) could overflow the
 * stack on a body of a few hundred kilobytes of brackets.
 */
export const MAX_JSON_DEPTH = 64;

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * Whether `raw` (UTF-8 JSON) nests objects and arrays deeper than `maxDepth`. Works on bytes:
 * multi-byte UTF-8 sequences never contain these ASCII values, so strings are skipped exactly.
 */
export function exceedsJsonDepth(raw: Uint8Array, maxDepth = MAX_JSON_DEPTH): boolean {
  // Fewer opening brackets than the limit cannot nest deeper than it; indexOf runs natively.
  if (
    countUpTo(raw, OPEN_OBJECT, maxDepth + 1) + countUpTo(raw, OPEN_ARRAY, maxDepth + 1) <=
    maxDepth
  ) {
    return false;
  }
  let depth = 0;
  let inString = false;
  for (let index = 0; index < raw.length; index++) {
    const byte = raw[index];
    if (inString) {
      if (byte === BACKSLASH) index++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++depth > maxDepth) return true;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}

function countUpTo(raw: Uint8Array, byte: number, limit: number): number {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  let count = 0;
  for (let at = bytes.indexOf(byte); at !== -1 && count < limit; at = bytes.indexOf(byte, at + 1)) {
    count++;
  }
  return count;
}

/**
 * Text that could spell a dangerous key, directly or through \u escapes (JSON.parse decodes
 * `"\u005f_proto__"` to `__proto__`). A body without any of it is not walked.
 */
const MAY_HOLD_DANGEROUS_KEY = /__proto__|constructor|\\u/;

/**
 * The path of the first key that could pollute a prototype once the body is merged or copied
 * into another object: `__proto__` anywhere, or `constructor` holding a `prototype` (the rules of
 * fastify's secure-json-parse). JSON.parse itself is safe: it makes such keys own properties.
 * Undefined when there is none.
 */
export function findPrototypeKey(text: string, value: unknown): string | undefined {
  if (!MAY_HOLD_DANGEROUS_KEY.test(text)) return undefined;
  const pending: { value: unknown; path: string }[] = [{ value, path: '' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    for (const [key, child] of Object.entries(next.value as Record<string, unknown>)) {
      const path = Array.isArray(next.value) ? `${next.path}[${key}]` : joinPath(next.path, key);
      if (key === '__proto__') return path;
      if (key === 'constructor' && typeof child === 'object' && child !== null) {
        if (Object.hasOwn(child, 'prototype')) return joinPath(path, 'prototype');
      }
      pending.push({ value: child, path });
    }
  }
  return undefined;
}

function joinPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}
