import { loadContract } from '../../lib/contract/load-contract.js';
import type { RequestBody, Schema } from '../../lib/contract/types.js';
import { validationProblem } from '../problems.js';
import type { MockState } from './mock-state.js';

type ClientEventMessage = RequestBody<'clientEvent'>['clientEvents'][number];
type ClientEvent = Schema<'ClientEvent'>;
type ClientEventType = Schema<'ClientEventType'>;

/** Event types whose events concern one ad and so need `clientEventMetadata`. */
const AD_EVENT_TYPES: ReadonlySet<ClientEventType> = new Set(['AdImpression', 'AdInteraction']);

/** Events that change an ad's state: they also need the ad's `serveToken` (mock choice). */
const STATE_CHANGING_EVENTS: ReadonlySet<ClientEvent> = new Set([
  'AdViewableImpression',
  'ActivateOffer',
  'ParkOffer',
  'UnParkOffer',
]);

let eventTypes: Record<string, ClientEventType> | undefined;

/** The event → event-type pairing, read from the contract's `x-cdlx-event-types`. */
function expectedEventType(event: ClientEvent): ClientEventType | undefined {
  eventTypes ??= loadContract().components.schemas.ClientEvent?.['x-cdlx-event-types'] as Record<
    string,
    ClientEventType
  >;
  return eventTypes[event];
}

/**
 * Checks a whole batch first and applies it only when every event is valid (mock choice: a batch
 * is accepted or refused as a whole), so a bad event never leaves half a batch applied.
 */
export function applyClientEvents(
  state: MockState,
  sourceCustomerId: string,
  events: readonly ClientEventMessage[],
): void {
  const errors = events.flatMap((event, index) =>
    checkEvent(state, sourceCustomerId, event, index),
  );
  if (errors.length > 0) throw validationProblem(errors);

  for (const event of events) applyEvent(state, sourceCustomerId, event);
  state.touch();
}

function checkEvent(
  state: MockState,
  sourceCustomerId: string,
  event: ClientEventMessage,
  index: number,
): string[] {
  const at = `clientEvents[${index}]`;
  const errors: string[] = [];
  const expected = expectedEventType(event.clientEvent);
  if (expected && expected !== event.clientEventType) {
    errors.push(
      `${at}.clientEventType: ${event.clientEvent} is a ${expected} event, not ${event.clientEventType}`,
    );
  }
  if (AD_EVENT_TYPES.has(event.clientEventType) && !event.clientEventMetadata) {
    errors.push(`${at}.clientEventMetadata: is required for ${event.clientEventType} events`);
  }
  const serveToken = event.clientEventMetadata?.serveToken;
  if (STATE_CHANGING_EVENTS.has(event.clientEvent) && !serveToken) {
    errors.push(`${at}.clientEventMetadata.serveToken: is required for ${event.clientEvent}`);
  }
  if (serveToken) {
    const owner = state.serveTokenOwner(serveToken);
    if (!owner || owner.sourceCustomerId !== sourceCustomerId) {
      errors.push(
        `${at}.clientEventMetadata.serveToken: is not an adServeToken served to this customer`,
      );
    }
  }
  return errors;
}

function applyEvent(state: MockState, sourceCustomerId: string, event: ClientEventMessage): void {
  if (event.clientEvent === 'UnParkAllOffers') {
    for (const adState of state.adStatesOf(sourceCustomerId).values())
      adState.visibilityState = 'VISIBLE';
    return;
  }
  const serveToken = event.clientEventMetadata?.serveToken;
  const owner = serveToken ? state.serveTokenOwner(serveToken) : undefined;
  if (!owner) return;
  const adState = state.adState(sourceCustomerId, owner.adId);
  switch (event.clientEvent) {
    case 'AdViewableImpression':
      if (adState.activationState === 'NEW') adState.activationState = 'SERVED';
      break;
    case 'ActivateOffer':
      if (adState.activationState !== 'ACTIVATED') {
        adState.activationState = 'ACTIVATED';
        adState.activationDate = state.clock
          .nowDate()
          .toISOString()
          .replace(/\.\d{3}Z$/, 'Z');
      }
      break;
    case 'ParkOffer':
      adState.visibilityState = 'PARKED';
      break;
    case 'UnParkOffer':
      adState.visibilityState = 'VISIBLE';
      break;
    default:
      // Recorded interactions (clicks, expansions, enrolment logs) change no state.
      break;
  }
}
