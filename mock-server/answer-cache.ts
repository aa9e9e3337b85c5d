/**
 * Answers computed from the mock's state, kept until the state changes or the clock crosses a
 * moment that changes them, each serialised and checked against the contract once.
 *
 * A cached body travels through the server as a plain object with one extra enumerable symbol
 * property, ANSWER_SLOT. Object spread keeps it; JSON.stringify, ajv and the undeclared-field
 * walk never see symbol keys. respond.ts fills the slot with the encoded answer the first time
 * the answer passes its contract check, and from then on sends those bytes with the request id
 * spliced in, instead of validating, serialising and encoding the same answer again.
 */

export const ANSWER_SLOT: unique symbol = Symbol('cdlx.answerSlot');

export interface AnswerSlot {
  /**
   * Once the answer passed the contract check: its JSON without `requestId` and without the final
   * `}`, as UTF-8. The server appends `requestId` as the body's last field, so sending means
   * appending `,"requestId":"…"}` to these bytes.
   */
  jsonHead?: Buffer;
  /** Whether the answer has any field besides `requestId` (then a comma precedes it). */
  hasFields?: boolean;
}

/** A body that may carry a slot. */
export type WithSlot<Body> = Body & { [ANSWER_SLOT]?: AnswerSlot };
export type SlottedBody = WithSlot<Record<string, unknown>>;

interface CacheEntry<Body> {
  /** The answer, carrying its slot; callers copy it before adding to it (the server does). */
  body: WithSlot<Body>;
  stateVersion: number;
  validFromMs: number;
  validUntilMs: number;
}

/** Bounds memory when callers vary their requests a lot (each entry is one answer). */
export const MAX_CACHED_ANSWERS = 256;

/**
 * Answers by scope (a customer) and key (the request). Two levels rather than one joined key: the
 * server looks both up on every request, and strings it already holds hash once, while a joined
 * key would be a new string to hash each time.
 */
export class AnswerCache<Body extends object> {
  private readonly scopes = new Map<string, Map<string, CacheEntry<Body>>>();
  private count = 0;

  /**
   * The cached answer for `scope` and `key`, or undefined when there is none for this state
   * version and this moment of the mock's clock. The same object is handed out on every hit: the
   * server copies a handler's answer before it adds `requestId`, so the cached one is never
   * changed.
   */
  get(scope: string, key: string, stateVersion: number, nowMs: number): WithSlot<Body> | undefined {
    const entry = this.scopes.get(scope)?.get(key);
    if (
      !entry ||
      entry.stateVersion !== stateVersion ||
      nowMs < entry.validFromMs ||
      nowMs >= entry.validUntilMs
    ) {
      return undefined;
    }
    return entry.body;
  }

  /**
   * Keeps `body` for `scope` and `key` while the state stays at `stateVersion` and the clock
   * within [`nowMs`, `validUntilMs`), and returns it with its (still empty) slot attached.
   */
  set(
    scope: string,
    key: string,
    body: Body,
    stateVersion: number,
    nowMs: number,
    validUntilMs: number,
  ): WithSlot<Body> {
    let entries = this.scopes.get(scope);
    if (!entries) {
      entries = new Map();
      this.scopes.set(scope, entries);
    }
    if (entries.delete(key)) this.count--;
    if (this.count >= MAX_CACHED_ANSWERS) this.evictOldest();
    const slotted: WithSlot<Body> = { ...body, [ANSWER_SLOT]: {} };
    entries.set(key, { body: slotted, stateVersion, validFromMs: nowMs, validUntilMs });
    this.count++;
    return slotted;
  }

  get size(): number {
    return this.count;
  }

  /**
   * Maps keep insertion order, and a replaced entry is inserted anew: the first entry of the
   * first scope is thus the oldest of that scope, and that scope the one cached first.
   */
  private evictOldest(): void {
    const [scope, entries] = this.scopes.entries().next().value!;
    entries.delete(entries.keys().next().value!);
    this.count--;
    if (entries.size === 0) this.scopes.delete(scope);
  }
}

/**
 * A JSON text of `value` with object keys sorted, so two requests that differ only in key order
 * share a cache entry. Runs on every getAds request, hence plain loops and no closures.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index++) {
      text += (index === 0 ? '' : ',') + canonicalJson(value[index]);
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  // Array#sort allocates a work array even for two keys; clients mostly send keys in one order.
  if (!isSorted(keys)) keys.sort();
  let text = '{';
  for (const key of keys) {
    const child = record[key];
    if (child === undefined) continue;
    text += `${text.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(child)}`;
  }
  return `${text}}`;
}

function isSorted(keys: readonly string[]): boolean {
  for (let index = 1; index < keys.length; index++) {
    if (keys[index - 1]! > keys[index]!) return false;
  }
  return true;
}
