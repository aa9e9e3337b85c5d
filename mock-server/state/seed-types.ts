import type { components } from '../../openapi/generated/mock-admin.js';
import type { Schema } from '../../lib/contract/types.js';

export type Ad = Schema<'Ad'>;
export type Customer = Schema<'Customer'>;

/**
 * An ad in the mock's catalogue: the contract's `Ad` (its states are the starting state for every
 * customer) plus what the mock needs to filter and redeem it, which the real API keeps to itself:
 * category, curations, channels, store locations and `merchantMatchKey`, what a transaction's
 * `paymentNetworkMerchant` must contain (ignoring case) to count as a purchase at the ad's
 * merchant; the ad's `merchantName` when omitted. Defined in openapi/mock-admin.yaml.
 */
export type SeedAd = components['schemas']['SeedAd'];

/**
 * Everything a mock instance starts from. Seed files hold this shape as JSON; the admin API's
 * `PUT /seed` validates one against openapi/mock-admin.yaml before loading it.
 */
export type SeedData = components['schemas']['SeedData'];

export type SeedCustomer = SeedData['customers'][number];
export type SeedCategory = NonNullable<SeedData['categories']>[number];
export type SeedRedemption = NonNullable<SeedData['redemptions']>[number];
