import { selectAds } from '../state/select-ads.js';
import { sessionCustomerId, type Handler } from './handler.js';

export const getAds: Handler<'getAds'> = ({ body, session, state }) =>
  selectAds(state, sessionCustomerId(session, state), body);
