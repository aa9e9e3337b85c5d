import { randomUUID } from 'node:crypto';

import type { Schema } from '../../lib/contract/types.js';
import { validationProblem } from '../problems.js';
import { computeReward, minorUnitsToAmount } from './compute-reward.js';
import type { MockState } from './mock-state.js';
import type { SeedAd } from './seed-types.js';

type Transaction = Schema<'TransactionNotification'>;
type Redemption = Schema<'Redemption'>;

/**
 * Applies a createTransactions batch: checks every transaction first and refuses the batch as a
 * whole when one is wrong (mock choice, as for client events), then turns each new transaction
 * that matches an activated ad into a redemption. The rules are the contract's createTransactions
 * description; this is their one implementation.
 */
export function applyTransactions(state: MockState, transactions: readonly Transaction[]): void {
  const errors = transactions.flatMap((transaction, index) =>
    checkTransaction(state, transaction, index),
  );
  if (errors.length > 0) throw validationProblem(errors);

  for (const transaction of transactions) {
    // A retried batch must not redeem twice: a transaction id is acted on once.
    if (state.transactionIds.has(transaction.transactionId)) continue;
    state.transactionIds.add(transaction.transactionId);
    const redemption = redeem(state, transaction);
    if (redemption) state.redemptions.push(redemption);
  }
  state.touch();
}

function checkTransaction(state: MockState, transaction: Transaction, index: number): string[] {
  const at = `transactions[${index}]`;
  const customer = state.customers.get(transaction.sourceCustomerId);
  if (!customer) {
    return [
      `${at}.sourceCustomerId: no customer "${transaction.sourceCustomerId}"; create it with POST /v2/data/customers`,
    ];
  }
  const errors: string[] = [];
  const accountIds = (customer.accounts ?? []).map((account) => account.sourceAccountId);
  if (!accountIds.includes(transaction.sourceAccountId)) {
    errors.push(
      `${at}.sourceAccountId: "${transaction.sourceAccountId}" is not an account of customer "${transaction.sourceCustomerId}" (accounts: ${accountIds.join(', ') || 'none'})`,
    );
  }
  if (transaction.postedAmount === undefined && transaction.authorizationAmount === undefined) {
    errors.push(`${at}.postedAmount: is required when authorizationAmount is absent`);
  }
  return errors;
}

/** The redemption a transaction earns, if it matches one of the customer's activated ads. */
function redeem(state: MockState, transaction: Transaction): Redemption | undefined {
  const customer = state.customers.get(transaction.sourceCustomerId)!;
  if (customer.redemptionEligibility === 'NONE') return undefined;
  const amount = minorUnitsToAmount(transaction.postedAmount ?? transaction.authorizationAmount!);
  if (!(amount > 0)) return undefined;
  const purchasedAtMs = Date.parse(transaction.transactionTimestamp);
  const merchant = transaction.paymentNetworkMerchant.toLowerCase();

  for (const seedAd of state.ads) {
    const { ad } = seedAd;
    if (!merchant.includes(merchantMatchKey(seedAd))) continue;
    if (!isWithinDates(ad, purchasedAtMs)) continue;
    if (amount < (ad.reward.purchaseRequirement?.minSpendAmount ?? 0)) continue;
    if (state.activationStateOf(customer.sourceCustomerId!, ad.adId) !== 'ACTIVATED') continue;
    const earlier = state
      .redemptionsOf(transaction.sourceCustomerId)
      .filter((redemption) => redemption.adId === ad.adId);
    if (earlier.length > 0 && !ad.reward.isMultiRedemption) continue;

    const alreadyRewarded = earlier.reduce((total, r) => total + (r.amount ?? 0), 0);
    const reward = computeReward(ad.reward, amount, alreadyRewarded);
    if (reward <= 0) continue;
    return {
      redemptionId: `rdm-${randomUUID()}`,
      adId: ad.adId,
      amount: reward,
      redemptionDate: new Date(purchasedAtMs).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      sourceCustomerId: transaction.sourceCustomerId,
      sourceAccountId: transaction.sourceAccountId,
      redeemingTransactionAmount: amount,
      transactionId: transaction.transactionId,
      rewardSettlementRunDate: null,
    };
  }
  return undefined;
}

/** The seed's `merchantMatchKey`, by default the ad's `merchantName`, lower-cased. */
export function merchantMatchKey(seedAd: SeedAd): string {
  return (seedAd.merchantMatchKey ?? seedAd.ad.merchantName).toLowerCase();
}

function isWithinDates(ad: SeedAd['ad'], atMs: number): boolean {
  const startMs = ad.startDate ? Date.parse(ad.startDate) : Number.NEGATIVE_INFINITY;
  const endMs = ad.endDate ? Date.parse(ad.endDate) : Number.POSITIVE_INFINITY;
  return atMs >= startMs && atMs <= endMs;
}
