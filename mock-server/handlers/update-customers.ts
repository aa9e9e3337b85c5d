import { applyCustomers } from '../state/apply-customers.js';
import type { Handler } from './handler.js';

export const updateCustomers: Handler<'updateCustomers'> = ({ body, state }) => {
  applyCustomers(state, body.customers, 'update');
  return {};
};
