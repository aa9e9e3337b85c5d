import { randomBytes } from 'node:crypto';

import type { Schema } from '../../lib/contract/types.js';
import type { MockClock } from '../clock.js';
import type { Ad, Customer, SeedAd, SeedData } from './seed-types.js';

/** What one customer has done to one ad. */
export interface CustomerAdState {
  activationState: Schema<'AdActivationState'>;
  visibilityState: Schema<'AdVisibilityState'>;
  activationDate?: string;
  serveToken: string;
}

interface ServeTokenOwner {
  sourceCustomerId: string;
  adId: string;
}

/**
 * The mutable world of one mock instance. Every change bumps `version`, so answers computed from
 * the state can be cached until the next change.
 */
export class MockState {
  institutionId = '';
  readonly customers = new Map<string, Customer>();
  portfolios: Schema<'Portfolio'>[] = [];
  readonly categories = new Map<string, Schema<'CategoryGroup'>>();
  ads: SeedAd[] = [];
  readonly adsById = new Map<string, SeedAd>();
  redemptions: Schema<'Redemption'>[] = [];
  /** The `transactionId`s received through createTransactions: a repeated one is ignored. */
  readonly transactionIds = new Set<string>();
  private readonly adStates = new Map<string, Map<string, CustomerAdState>>();
  private readonly serveTokens = new Map<string, ServeTokenOwner>();
  /** Incremented on every change; caches key on it. */
  version = 0;

  constructor(
    seed: SeedData,
    readonly clock: MockClock,
  ) {
    this.load(seed);
  }

  /**
   * Replaces every piece of data and every customer's state with `seed`. The caller validates
   * the seed first (see admin/check-seed.ts): this never fails half-way.
   */
  load(seed: SeedData): void {
    this.institutionId = seed.institutionId;
    this.customers.clear();
    for (const customer of seed.customers) this.customers.set(customer.sourceCustomerId, customer);
    this.portfolios = seed.portfolios ?? [];
    this.categories.clear();
    for (const category of seed.categories ?? []) this.categories.set(category.id, category);
    this.ads = seed.ads;
    this.adsById.clear();
    for (const seedAd of seed.ads) this.adsById.set(seedAd.ad.adId, seedAd);
    this.redemptions = [...(seed.redemptions ?? [])];
    this.transactionIds.clear();
    this.adStates.clear();
    this.serveTokens.clear();
    this.touch();
  }

  /** The customer's state for an ad, created from the ad's starting state on first use. */
  adState(sourceCustomerId: string, adId: string): CustomerAdState {
    let perCustomer = this.adStates.get(sourceCustomerId);
    if (!perCustomer) {
      perCustomer = new Map();
      this.adStates.set(sourceCustomerId, perCustomer);
    }
    let state = perCustomer.get(adId);
    if (!state) {
      // Serve tokens are opaque and unguessable, like the real ones.
      const serveToken = `srv-${randomBytes(12).toString('base64url')}`;
      state = {
        activationState: this.startingActivationState(sourceCustomerId, adId),
        visibilityState: this.adsById.get(adId)!.ad.visibilityState,
        serveToken,
      };
      perCustomer.set(adId, state);
      this.serveTokens.set(serveToken, { sourceCustomerId, adId });
    }
    return state;
  }

  /** The customer's activation state of an ad, without serving it (no serve token is made). */
  activationStateOf(sourceCustomerId: string, adId: string): Schema<'AdActivationState'> {
    return (
      this.adStates.get(sourceCustomerId)?.get(adId)?.activationState ??
      this.startingActivationState(sourceCustomerId, adId)
    );
  }

  /** Which customer and ad a serve token was issued for. */
  serveTokenOwner(serveToken: string): ServeTokenOwner | undefined {
    return this.serveTokens.get(serveToken);
  }

  /** All ad states one customer has touched or been served. */
  adStatesOf(sourceCustomerId: string): Map<string, CustomerAdState> {
    return this.adStates.get(sourceCustomerId) ?? new Map<string, CustomerAdState>();
  }

  redemptionsOf(sourceCustomerId: string): Schema<'Redemption'>[] {
    return this.redemptions.filter((r) => r.sourceCustomerId === sourceCustomerId);
  }

  /**
   * The ad as this customer sees it: the template with the customer's states and serve token.
   * Assets are included only when asked for (`returnMetadata`).
   */
  adFor(sourceCustomerId: string, adId: string, withAssets: boolean): Ad {
    const { assets, ...template } = this.adsById.get(adId)!.ad;
    const state = this.adState(sourceCustomerId, adId);
    const redemptionState = this.redemptionStateOf(sourceCustomerId, adId);
    return {
      ...template,
      adServeToken: state.serveToken,
      activationState: state.activationState,
      visibilityState: state.visibilityState,
      ...(state.activationDate ? { activationDate: state.activationDate } : {}),
      ...(redemptionState ? { redemptionState } : {}),
      ...(withAssets && assets ? { assets } : {}),
    };
  }

  /** PROCESSING while a redemption awaits settlement, FULLY_REDEEMED once all are settled. */
  redemptionStateOf(
    sourceCustomerId: string,
    adId: string,
  ): Schema<'AdRedemptionState'> | undefined {
    const forAd = this.redemptions.filter(
      (r) => r.sourceCustomerId === sourceCustomerId && r.adId === adId,
    );
    if (forAd.length === 0) return undefined;
    return forAd.some((r) => !r.rewardSettlementRunDate) ? 'PROCESSING' : 'FULLY_REDEEMED';
  }

  touch(): void {
    this.version++;
  }

  /** An ad the customer already redeemed must have been activated; otherwise the ad's own state. */
  private startingActivationState(
    sourceCustomerId: string,
    adId: string,
  ): Schema<'AdActivationState'> {
    const isRedeemed = this.redemptionStateOf(sourceCustomerId, adId) !== undefined;
    return isRedeemed ? 'ACTIVATED' : this.adsById.get(adId)!.ad.activationState;
  }
}
