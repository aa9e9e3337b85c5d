import type { OpenApiDocument } from '../../lib/contract/load-contract.js';
import { findUnknownFields } from '../../lib/contract/unknown-fields.js';
import type { SeedData } from '../state/seed-types.js';

const SEED_SCHEMA_POINTER = '#/components/schemas/SeedData';

/**
 * What the schema cannot say about a seed that already matches it: fields the contract does not
 * declare (the mock would send them and its own answer check would turn every answer into a 500),
 * ids used twice, and references to ids that do not exist. One line per problem, in the same
 * `field: message` form as the schema's errors.
 */
export function checkSeed(seed: SeedData, adminContract: OpenApiDocument): string[] {
  const errors = findUnknownFields(SEED_SCHEMA_POINTER, seed, adminContract).map(
    (field) => `${field}: is not declared in the contract`,
  );

  errors.push(
    ...duplicates('customers', seed.customers, (c) => c.sourceCustomerId, 'sourceCustomerId'),
    ...duplicates(
      'portfolios',
      seed.portfolios ?? [],
      (p) => p.sourcePortfolioId,
      'sourcePortfolioId',
    ),
    ...duplicates('categories', seed.categories ?? [], (c) => c.id, 'id'),
    ...duplicates('ads', seed.ads, (a) => a.ad.adId, 'ad.adId'),
    ...duplicates('redemptions', seed.redemptions ?? [], (r) => r.redemptionId, 'redemptionId'),
  );

  const categoryIds = new Set((seed.categories ?? []).map((category) => category.id));
  seed.ads.forEach((seedAd, index) => {
    if (seedAd.categoryId !== undefined && !categoryIds.has(seedAd.categoryId)) {
      errors.push(`ads[${index}].categoryId: no category "${seedAd.categoryId}" in categories`);
    }
  });

  const adIds = new Set(seed.ads.map((seedAd) => seedAd.ad.adId));
  const customerIds = new Set(seed.customers.map((customer) => customer.sourceCustomerId));
  (seed.redemptions ?? []).forEach((redemption, index) => {
    if (!adIds.has(redemption.adId)) {
      errors.push(`redemptions[${index}].adId: no ad "${redemption.adId}" in ads`);
    }
    if (!customerIds.has(redemption.sourceCustomerId)) {
      errors.push(
        `redemptions[${index}].sourceCustomerId: no customer "${redemption.sourceCustomerId}" in customers`,
      );
    }
  });
  return errors;
}

function duplicates<T>(
  list: string,
  items: readonly T[],
  idOf: (item: T) => string | undefined,
  field: string,
): string[] {
  const firstIndex = new Map<string, number>();
  const errors: string[] = [];
  items.forEach((item, index) => {
    const id = idOf(item);
    if (id === undefined) return;
    const earlier = firstIndex.get(id);
    if (earlier === undefined) firstIndex.set(id, index);
    else errors.push(`${list}[${index}].${field}: "${id}" is also ${list}[${earlier}]`);
  });
  return errors;
}
