import { sessionCustomerId, type Handler } from './handler.js';

export const getCustomerProfile: Handler<'getCustomerProfile'> = ({ session, state }) => {
  const customer = state.customers.get(sessionCustomerId(session, state))!;
  const portfolioIds = new Set(customer.accounts?.map((account) => account.sourcePortfolioId));
  return {
    ...customer,
    institutionId: state.institutionId,
    portfolios: state.portfolios.filter((p) => portfolioIds.has(p.sourcePortfolioId)),
  };
};
