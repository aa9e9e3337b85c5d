import type { Schema } from '../../lib/contract/types.js';
import { sessionCustomerId, type Handler } from './handler.js';

export const getCustomerAdRedemptions: Handler<'getCustomerAdRedemptions'> = ({
  session,
  state,
}) => {
  const customerId = sessionCustomerId(session, state);
  const redemptions = state.redemptionsOf(customerId);
  const ads: Record<string, Schema<'Ad'>> = {};
  for (const { adId } of redemptions) {
    if (adId && state.adsById.has(adId)) ads[adId] = state.adFor(customerId, adId, false);
  }
  return { redemptions, ads };
};
