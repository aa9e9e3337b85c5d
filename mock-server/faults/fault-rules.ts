import type { FaultKind, FaultRule, FaultRuleRequest } from '../../lib/admin-client/admin-types.js';
import { validationProblem } from '../problems.js';
import { seededRandom } from './seeded-random.js';

/** Defaults of the admin document's FaultRuleRequest, which describes each of them. */
const DEFAULT_DELAY_MS = 1000;
const DEFAULT_RETRY_AFTER_SECONDS = 1;
const DEFAULT_STALL_MS = 5000;
const DEFAULT_SEED = 1;
const ANY_OPERATION = '*';

/** The settings each kind uses; any other setting in a request is a mistake worth a 400. */
const KIND_SETTINGS: Record<FaultKind, readonly (keyof FaultRuleRequest)[]> = {
  latency: ['delayMs'],
  status: ['status', 'retryAfterSeconds'],
  reset: ['processFirst'],
  'cut-body': [],
  'stall-handshake': ['stallMs'],
};
const COMMON_SETTINGS: readonly (keyof FaultRuleRequest)[] = [
  'kind',
  'operationId',
  'times',
  'probability',
  'seed',
];

/** What a request's faults amount to: a delay, then at most one outcome. */
export interface FaultDecision {
  delayMs: number;
  outcome: FaultOutcome | undefined;
  /** For the journal: the outcome's kind, or `latency` when only delays fired. */
  kind: FaultKind;
}

export type FaultOutcome =
  | { kind: 'status'; status: 429 | 500 | 503; retryAfterSeconds: number | undefined }
  | { kind: 'reset'; processFirst: boolean }
  | { kind: 'cut-body' };

interface StoredRule {
  rule: FaultRule;
  draw: () => number;
}

/**
 * The fault rules set through the admin API. `decide` runs on every request, so with no rules it
 * costs one length check.
 */
export class FaultRules {
  private rules: StoredRule[] = [];
  private nextId = 1;
  private readonly clearListeners: (() => void)[] = [];

  constructor(private readonly operationIds: readonly string[]) {}

  get size(): number {
    return this.rules.length;
  }

  /** Checks a rule against the operations and kinds, stores it and returns it with its defaults. */
  add(request: FaultRuleRequest): FaultRule {
    const errors = this.check(request);
    if (errors.length > 0) throw validationProblem(errors, 'The fault rule is not valid');

    const rule: FaultRule = {
      ...request,
      id: `fault-${this.nextId++}`,
      operationId: request.operationId ?? ANY_OPERATION,
      probability: request.probability ?? 1,
      seed: request.seed ?? DEFAULT_SEED,
      fired: 0,
      ...(request.times === undefined ? {} : { remaining: request.times }),
      ...defaultsFor(request),
    };
    this.rules.push({ rule, draw: seededRandom(rule.seed!) });
    return { ...rule };
  }

  list(): FaultRule[] {
    return this.rules.map(({ rule }) => ({ ...rule }));
  }

  clear(): void {
    this.rules = [];
    for (const listener of this.clearListeners) listener();
  }

  /** Called when the rules are cleared (held connections are released then). */
  onClear(listener: () => void): void {
    this.clearListeners.push(listener);
  }

  /** The faults for one request to `operationId`; undefined when none fires. */
  decide(operationId: string): FaultDecision | undefined {
    if (this.rules.length === 0) return undefined;
    let delayMs = 0;
    let outcome: FaultOutcome | undefined;
    // `fires` may retire a rule by replacing the array; this loop goes on over the old one.
    for (const stored of this.rules) {
      const { rule } = stored;
      if (rule.kind === 'stall-handshake') continue;
      if (rule.operationId !== ANY_OPERATION && rule.operationId !== operationId) continue;
      if (rule.kind !== 'latency' && outcome) continue;
      if (!this.fires(stored)) continue;
      if (rule.kind === 'latency') delayMs += rule.delayMs ?? 0;
      else outcome = outcomeOf(rule);
    }
    if (!outcome && delayMs === 0) return undefined;
    return { delayMs, outcome, kind: outcome?.kind ?? 'latency' };
  }

  /** How long to hold a new connection before its TLS handshake; undefined for no stall. */
  decideStall(): number | undefined {
    if (this.rules.length === 0) return undefined;
    const stored = this.rules.find(
      (candidate) => candidate.rule.kind === 'stall-handshake' && this.fires(candidate),
    );
    return stored?.rule.stallMs;
  }

  /** Draws for a rule and, when it fires, counts it and retires it once its `times` are used. */
  private fires(stored: StoredRule): boolean {
    const { rule } = stored;
    if (rule.probability! < 1 && stored.draw() >= rule.probability!) return false;
    rule.fired++;
    if (rule.remaining !== undefined) {
      rule.remaining--;
      if (rule.remaining <= 0) this.rules = this.rules.filter((other) => other !== stored);
    }
    return true;
  }

  private check(request: FaultRuleRequest): string[] {
    const errors: string[] = [];
    const { operationId, kind } = request;
    if (operationId !== undefined && operationId !== ANY_OPERATION) {
      if (kind === 'stall-handshake') {
        errors.push(
          'operationId: stall-handshake acts on new connections, before any operation is known; leave operationId out',
        );
      } else if (!this.operationIds.includes(operationId)) {
        errors.push(
          `operationId: "${operationId}" is not an operation of the contract; use one of ${this.operationIds.join(', ')} or *`,
        );
      }
    }
    const allowed = new Set([...COMMON_SETTINGS, ...KIND_SETTINGS[kind]]);
    for (const setting of Object.keys(request) as (keyof FaultRuleRequest)[]) {
      if (!allowed.has(setting)) errors.push(`${setting}: is not used by ${kind} faults`);
    }
    if (request.retryAfterSeconds !== undefined && request.status === 500) {
      errors.push('retryAfterSeconds: only 429 and 503 answers carry Retry-After');
    }
    return errors;
  }
}

function defaultsFor(request: FaultRuleRequest): Partial<FaultRule> {
  switch (request.kind) {
    case 'latency':
      return { delayMs: request.delayMs ?? DEFAULT_DELAY_MS };
    case 'status':
      return request.status === 500
        ? {}
        : { retryAfterSeconds: request.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS };
    case 'reset':
      return { processFirst: request.processFirst ?? false };
    case 'stall-handshake':
      return { stallMs: request.stallMs ?? DEFAULT_STALL_MS };
    default:
      return {};
  }
}

function outcomeOf(rule: FaultRule): FaultOutcome {
  switch (rule.kind) {
    case 'status':
      return {
        kind: 'status',
        status: rule.status as 429 | 500 | 503,
        retryAfterSeconds: rule.retryAfterSeconds,
      };
    case 'reset':
      return { kind: 'reset', processFirst: rule.processFirst === true };
    default:
      return { kind: 'cut-body' };
  }
}
