import type { RequestBody } from '../../lib/contract/types.js';
import { validationProblem } from '../problems.js';
import type { MockState } from './mock-state.js';

type DataCustomer = RequestBody<'createCustomers'>['customers'][number];

/**
 * createCustomers and updateCustomers. Mock choices (the contract's descriptions): the request is
 * accepted or refused as a whole; creating an existing customer, updating a missing one, or
 * sending one twice in a request is a 400 naming it; an update replaces the whole record.
 */
export function applyCustomers(
  state: MockState,
  customers: readonly DataCustomer[],
  mode: 'create' | 'update',
): void {
  const errors: string[] = [];
  const firstIndex = new Map<string, number>();
  customers.forEach((customer, index) => {
    const id = customer.sourceCustomerId;
    const at = `customers[${index}].sourceCustomerId`;
    const earlier = firstIndex.get(id);
    if (earlier !== undefined) {
      errors.push(`${at}: "${id}" is also customers[${earlier}] in this request`);
      return;
    }
    firstIndex.set(id, index);
    const exists = state.customers.has(id);
    if (mode === 'create' && exists) {
      errors.push(`${at}: customer "${id}" already exists; update it with PUT /v2/data/customers`);
    } else if (mode === 'update' && !exists) {
      errors.push(`${at}: no customer "${id}"; create it with POST /v2/data/customers`);
    }
  });
  if (errors.length > 0) throw validationProblem(errors);

  for (const customer of customers) state.customers.set(customer.sourceCustomerId, customer);
  state.touch();
}
