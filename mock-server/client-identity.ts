import type { Socket } from 'node:net';
import type { PeerCertificate, TLSSocket } from 'node:tls';

import { Problem } from './problems.js';

/** Subject common names of the local PKI's two client identities (lib/pki/local-pki.ts). */
export const ADMIN_COMMON_NAME = 'cdlx mock admin';
export const CLIENT_COMMON_NAME = 'cdlx mock client';

interface PeerIdentity {
  /** e.g. `O=cdlx-contract, CN=cdlx mock client`. */
  subject: string;
  commonName: string | undefined;
}

/** One look-up per connection: getPeerCertificate() builds a new object on every call. */
const identities = new WeakMap<Socket, PeerIdentity>();

/**
 * Records who is on `socket` from its certificate, read once already by whoever checked it (the
 * connection guard), so that the first request does not read it again.
 */
export function notePeerIdentity(socket: Socket, certificate: PeerCertificate): void {
  identities.set(socket, identityOf(certificate.subject));
}

/** The subject of the client certificate a request came with (mTLS made sure there is one). */
export function peerIdentity(socket: Socket): PeerIdentity {
  let identity = identities.get(socket);
  if (!identity) {
    identity = identityOf((socket as TLSSocket).getPeerCertificate?.()?.subject);
    identities.set(socket, identity);
  }
  return identity;
}

function identityOf(subject: PeerCertificate['subject'] | undefined): PeerIdentity {
  const fields = Object.entries(subject ?? {}).map(
    ([name, value]) => `${name}=${Array.isArray(value) ? value.join('+') : String(value)}`,
  );
  const commonName = (subject as { CN?: string | string[] } | undefined)?.CN;
  return {
    subject: fields.join(', '),
    commonName: Array.isArray(commonName) ? commonName[0] : commonName,
  };
}

/**
 * The mock's API refuses its admin identity, so a test that mixes up the two certificates finds
 * out at once (the contract's Forbidden response says so).
 */
export function refuseAdminIdentity(socket: Socket): void {
  if (peerIdentity(socket).commonName !== ADMIN_COMMON_NAME) return;
  throw new Problem(
    403,
    'Forbidden',
    'The mock admin identity may not call the API; use the client identity (certs/mock-client.crt)',
    [`client certificate: CN=${ADMIN_COMMON_NAME} is for the admin API only`],
  );
}

/** The admin API answers its admin identity only. */
export function requireAdminIdentity(socket: Socket): void {
  const { commonName } = peerIdentity(socket);
  if (commonName === ADMIN_COMMON_NAME) return;
  throw new Problem(
    403,
    'Forbidden',
    'Only the mock admin identity may call the admin API; use certs/mock-admin.crt and its key',
    [`client certificate: CN=${commonName ?? '(none)'} is not CN=${ADMIN_COMMON_NAME}`],
  );
}
