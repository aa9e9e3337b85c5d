/**
 * Request bodies already decoded, guarded, parsed and validated, remembered by operation and exact
 * bytes. Load tests send the same few bodies over and over, and every step from the bytes to a
 * valid value is a pure function of those bytes, so each distinct body goes through them once.
 *
 * The values are deep-frozen: one value is handed to every request that sent the same bytes, so a
 * handler that tried to change its body would throw instead of changing the next request's.
 */

/** Bodies larger than this are not remembered: they are rarely sent twice, and the key is the body. */
export const MAX_REMEMBERED_BODY_BYTES = 2048;

/** Distinct bodies remembered per operation; the one remembered longest ago goes first. */
export const MAX_REMEMBERED_BODIES = 64;

export class ValidBodies {
  private readonly byOperation = new Map<string, Map<string, unknown>>();

  /** The body value for these bytes, if they were found valid for this operation before. */
  get(operationId: string, raw: Buffer): unknown {
    if (raw.length > MAX_REMEMBERED_BODY_BYTES) return undefined;
    return this.byOperation.get(operationId)?.get(raw.toString('latin1'));
  }

  /** Remembers a body found valid, and returns it frozen. */
  remember<Body>(operationId: string, raw: Buffer, body: Body): Body {
    if (raw.length > MAX_REMEMBERED_BODY_BYTES) return body;
    let bodies = this.byOperation.get(operationId);
    if (!bodies) {
      bodies = new Map();
      this.byOperation.set(operationId, bodies);
    }
    if (bodies.size >= MAX_REMEMBERED_BODIES) bodies.delete(bodies.keys().next().value!);
    const frozen = deepFreeze(body);
    // latin1 maps each byte to one character: a cheap key that keeps the bytes exactly.
    bodies.set(raw.toString('latin1'), frozen);
    return frozen;
  }
}

function deepFreeze<Value>(value: Value): Value {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
