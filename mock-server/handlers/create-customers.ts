import { applyCustomers } from '../state/apply-customers.js';
import type { Handler } from './handler.js';

export const createCustomers: Handler<'createCustomers'> = ({ body, state }) => {
  applyCustomers(state, body.customers, 'create');
  return {};
};
