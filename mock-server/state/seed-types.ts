import type { Schema } from '../../lib/contract/types.js';

export type Ad = Schema<'Ad'>;
export type Customer = Schema<'Customer'>;

/**
 * An ad in the mock's catalogue: the contract's `Ad` (its states are the starting state for every
 * customer) plus what the mock needs to filter it, which the real API keeps to itself.
 */
export interface SeedAd {
  ad: Ad;
  /** Category for the `categoryIds` filter and the `categories` map (mock choice: keyed by id). */
  categoryId?: string;
  curationIds?: string[];
  /** Channels the ad is served on; all channels when omitted. */
  channels?: Schema<'Channel'>[];
  storeLocations?: Schema<'StoreLocation'>[];
}

/** Everything a mock instance starts from. Seed files hold this shape as JSON. */
export interface SeedData {
  institutionId: string;
  customers: Customer[];
  portfolios: Schema<'Portfolio'>[];
  categories: Schema<'CategoryGroup'>[];
  /** In ranking order: the first ad is ranked first. */
  ads: SeedAd[];
  redemptions: Schema<'Redemption'>[];
}
