import { applyTransactions } from '../state/apply-transactions.js';
import type { Handler } from './handler.js';

export const createTransactions: Handler<'createTransactions'> = ({ body, state }) => {
  applyTransactions(state, body.transactions);
  return {};
};
