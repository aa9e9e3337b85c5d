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
  readonly institutionId: string;
  readonly customers = new Map<string, Customer>();
  readonly portfolios: Schema<'Portfolio'>[];
  readonly categories = new Map<string, Schema<'CategoryGroup'>>();
  readonly ads: SeedAd[];
  readonly adsById = new Map<string, SeedAd>();
  readonly redemptions: Schema<'Redemption'>[];
  private readonly adStates = new Map<string, Map<string, CustomerAdState>>();
  private readonly serveTokens = new Map<string, ServeTokenOwner>();
  /** Incremented on every change; caches key on it. */
  version = 0;

  constructor(
    seed: SeedData,
    readonly clock: MockClock,
  ) {
    this.institutionId = seed.institutionId;
    for (const customer of seed.customers) this.customers.set(customer.sourceCustomerId!, customer);
    this.portfolios = seed.portfolios;
    for (const category of seed.categories) this.categories.set(category.id!, category);
    this.ads = seed.ads;
    for (const seedAd of seed.ads) this.adsById.set(seedAd.ad.adId, seedAd);
    this.redemptions = [...seed.redemptions];
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
      const template = this.adsById.get(adId)!.ad;
      // Serve tokens are opaque and unguessable, like the real ones.
      const serveToken = `srv-${randomBytes(12).toString('base64url')}`;
      // An ad the customer already redeemed must have been activated.
      const isRedeemed = this.redemptionStateOf(sourceCustomerId, adId) !== undefined;
      state = {
        activationState: isRedeemed ? 'ACTIVATED' : template.activationState,
        visibilityState: template.visibilityState,
        serveToken,
      };
      perCustomer.set(adId, state);
      this.serveTokens.set(serveToken, { sourceCustomerId, adId });
    }
    return state;
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
}
