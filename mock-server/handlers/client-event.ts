import { applyClientEvents } from '../state/apply-client-events.js';
import { sessionCustomerId, type Handler } from './handler.js';

export const clientEvent: Handler<'clientEvent'> = ({ body, session, state }) => {
  applyClientEvents(state, sessionCustomerId(session, state), body.clientEvents);
  return {};
};
