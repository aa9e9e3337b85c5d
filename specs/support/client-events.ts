import { randomUUID } from 'node:crypto';

import type { RequestBody, Schema } from '../../lib/contract/types.js';

type ClientEventMessage = RequestBody<'clientEvent'>['clientEvents'][number];

/** Builds one client event about `ad`, as a publisher's app would send it. */
export function adEvent(
  ad: Schema<'Ad'>,
  clientEvent: Schema<'ClientEvent'>,
  clientEventType: Schema<'ClientEventType'>,
): ClientEventMessage {
  return {
    clientEventId: randomUUID(),
    clientEventType,
    clientEvent,
    clientEventTimestamp: new Date().toISOString(),
    clientEventMetadata: {
      serveToken: ad.adServeToken,
      section: ad.sections?.[0] ?? 'LatestOffers',
      channel: 'MobileApp',
      displayPosition: 0,
    },
  };
}

/** A session-level event, which carries no ad metadata. */
export function sessionEvent(clientEvent: Schema<'ClientEvent'>): ClientEventMessage {
  return {
    clientEventId: randomUUID(),
    clientEventType: 'SessionAction',
    clientEvent,
    clientEventTimestamp: new Date().toISOString(),
  };
}
