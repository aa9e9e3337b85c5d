import { summariseRewards } from '../state/reward-summary.js';
import { sessionCustomerId, type Handler } from './handler.js';

export const getCustomerRewardSummary: Handler<'getCustomerRewardSummary'> = ({
  session,
  state,
}) => ({
  rewardsSummary: summariseRewards(
    state.redemptionsOf(sessionCustomerId(session, state)),
    state.clock.nowDate(),
  ),
});
