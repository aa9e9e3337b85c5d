import type { OperationId } from '../../lib/contract/types.js';
import { clientEvent } from './client-event.js';
import { createCustomers } from './create-customers.js';
import { createTransactions } from './create-transactions.js';
import { getAds } from './get-ads.js';
import { getCustomerAdRedemptions } from './get-customer-ad-redemptions.js';
import { getCustomerProfile } from './get-customer-profile.js';
import { getCustomerRewardSummary } from './get-customer-reward-summary.js';
import type { Handler } from './handler.js';
import { healthcheck } from './healthcheck.js';
import { startSession } from './start-session.js';
import { updateCustomers } from './update-customers.js';

/**
 * One handler per operationId of the contract. The mapped type makes a contract operation without
 * a handler a compile error.
 */
export const HANDLERS: { [Id in OperationId]: Handler<Id> } = {
  healthcheck,
  startSession,
  getAds,
  clientEvent,
  getCustomerProfile,
  getCustomerRewardSummary,
  getCustomerAdRedemptions,
  createCustomers,
  updateCustomers,
  createTransactions,
};
