import type { SandboxStatus } from '../lib/admin-client/admin-types.js';
import { MockClock } from './clock.js';
import { FaultRules } from './faults/fault-rules.js';
import { RequestJournal } from './journal.js';
import { buildDefaultSeed } from './state/default-seed.js';
import { MockState } from './state/mock-state.js';
import type { SeedData } from './state/seed-types.js';

export interface SandboxOptions {
  /** Starting data; the built-in seed (dated around the current time) by default. */
  seed?: SeedData | undefined;
  /** Size of the request journal's ring buffer. */
  journalCapacity?: number | undefined;
  /** The contract's operationIds, which fault rules may name. */
  operationIds: readonly string[];
}

/**
 * Everything about one mock instance that a test may drive: data and per-customer state, the
 * clock, fault rules and the journal. The API server reads it on every request; the admin API
 * changes it.
 */
export class Sandbox {
  readonly clock = new MockClock();
  readonly state: MockState;
  readonly faults: FaultRules;
  readonly journal: RequestJournal;

  constructor(private readonly options: SandboxOptions) {
    this.state = new MockState(this.startingSeed(), this.clock);
    this.faults = new FaultRules(options.operationIds);
    this.journal = new RequestJournal(options.journalCapacity);
  }

  /** Back to the start: the starting seed, real time, no faults, an empty journal. */
  reset(): void {
    this.clock.reset();
    this.state.load(this.startingSeed());
    this.faults.clear();
    this.journal.clear();
  }

  /** Replaces the data with a seed that was validated already (admin/check-seed.ts). */
  loadSeed(seed: SeedData): void {
    this.state.load(seed);
  }

  status(): SandboxStatus {
    const { state } = this;
    return {
      institutionId: state.institutionId,
      customers: state.customers.size,
      ads: state.ads.length,
      redemptions: state.redemptions.length,
      transactions: state.transactionIds.size,
      faults: this.faults.size,
      clock: this.clock.describe(),
      journal: { entries: this.journal.size, capacity: this.journal.capacity },
    };
  }

  /** A fresh copy every time: handlers replace customers in place, the original must not change. */
  private startingSeed(): SeedData {
    return this.options.seed
      ? structuredClone(this.options.seed)
      : buildDefaultSeed(this.clock.now());
  }
}
