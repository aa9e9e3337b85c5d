import type { RequestBody } from '../../lib/contract/types.js';

type DataCustomer = RequestBody<'createCustomers'>['customers'][number];
type Transaction = RequestBody<'createTransactions'>['transactions'][number];

/** A customer as a publisher registers it: enrolled, with one open account and one card. */
export function newCustomer(
  sourceCustomerId: string,
  overrides: Partial<DataCustomer> = {},
): DataCustomer {
  const sourceAccountId = accountOf(sourceCustomerId);
  return {
    sourceCustomerId,
    organizationId: '50004',
    postalCode: '10001',
    country: 'US',
    customerCreationDate: '2020-05-01T00:00:00Z',
    enrollmentStartDate: '2024-01-01T00:00:00Z',
    enrollmentEndDate: null,
    enrollmentOptInStatus: 'ACTIVE',
    alertOptInStatus: ['ALL'],
    targetingIndicator: 'TARGET',
    accounts: [
      {
        sourceAccountId,
        sourceCustomerIds: [sourceCustomerId],
        primarySourceCustomerId: sourceCustomerId,
        status: 'OPEN',
        type: 'DDA',
        sourcePortfolioId: 'pf-rewards',
        accountOpenDate: '2020-05-01T00:00:00Z',
        accountCloseDate: null,
        cards: [
          {
            sourceAccountId,
            sourceCustomerId,
            last4: '4242',
            iin: '400000',
            cardType: 'DEBIT',
            status: 'OPEN',
            networkIdentifier: 4,
            openDate: '2020-05-01T00:00:00Z',
            closeDate: null,
          },
        ],
      },
    ],
    ...overrides,
  };
}

/** The account id `newCustomer` gives a customer. */
export function accountOf(sourceCustomerId: string): string {
  return `acct-${sourceCustomerId}`;
}

/** A card purchase by `sourceCustomerId` at `merchant`, now, of `minorUnits` cents. */
export function purchase(
  sourceCustomerId: string,
  merchant: string,
  minorUnits: string,
  overrides: Partial<Transaction> = {},
): Transaction {
  return {
    transactionId: `txn-${Math.random().toString(36).slice(2, 12)}`,
    transactionType: 'AUTHORIZED',
    sourceCustomerId,
    sourceAccountId: accountOf(sourceCustomerId),
    paymentType: 'DEBIT',
    transactionTimestamp: new Date().toISOString(),
    paymentNetworkMCC: '5814',
    paymentNetworkMerchant: merchant,
    postedAmount: minorUnits,
    currencyCode: 'USD',
    onlineIndicator: 'NOT_ONLINE',
    ...overrides,
  };
}
