import { X509Certificate } from 'node:crypto';
import type { RequestListener } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import type { PeerCertificate, TLSSocket } from 'node:tls';

import { readCertificateParts } from '../lib/pki/certificate-parts.js';
import { notePeerIdentity } from './client-identity.js';
import { handleClientErrors, MAX_HEADER_BYTES } from './client-error.js';
import { describeTlsError, describeVerifyError, quoteName } from './connection-guard-reasons.js';
import { peerAddress, type MockLogger } from './logger.js';
import { certificateBlocks, loadClientCrls } from './revocation.js';
import type { MockTlsMaterial } from './server.js';
import { timeoutServerOptions, type MockTimeouts } from './timeouts.js';
import { tlsPolicyOptions } from './tls-policy.js';

export interface GuardedServerOptions {
  tls: MockTlsMaterial;
  timeouts: MockTimeouts;
  logger: MockLogger;
}

export interface GuardedServer {
  server: Server;
  /** Closes a raw connection before any TLS byte (the allow-list), logging why once. */
  dropBeforeTls: (socket: Socket, reason: string) => void;
}

/**
 * An HTTPS server that admits only clients with a valid certificate, chained to a trusted CA, not
 * revoked, meant for client authentication and not itself a CA, over the TLS policy of
 * tls-policy.ts, with the timeouts given. Every refusal is one line to `logger`: the reason and
 * the certificate's subject, never key material. Malformed HTTP gets a JSON error (client-error.ts).
 *
 * OpenSSL does every certificate check (chain, dates, CRL, purpose, security level) during the
 * handshake, and Node stores its verdict on the socket. Node's `rejectUnauthorized: true` would
 * then destroy the socket with no event that still holds the certificate, so nothing could say
 * whose certificate was refused. The guard applies the same verdict itself, in the first
 * 'secureConnection' listener, before the HTTP layer has seen the socket: no byte of HTTP is ever
 * read from a refused client. The refusal matrix in tests/mock-server proves it case by case.
 */
export function createGuardedServer(
  options: GuardedServerOptions,
  listener: RequestListener,
): GuardedServer {
  const { tls, logger } = options;
  const crls =
    tls.clientCrlPem === undefined ? undefined : loadClientCrls(tls.clientCaPem, tls.clientCrlPem);
  const trustedCas = certificateBlocks(tls.clientCaPem).map((pem) => new X509Certificate(pem));
  const server = createServer(
    {
      cert: tls.certPem,
      key: tls.keyPem,
      ca: tls.clientCaPem,
      // Node turns on OpenSSL's CRL checks for the whole chain when a CRL is given.
      ...(crls === undefined ? {} : { crl: crls }),
      requestCert: true,
      // Enforced below, in the first 'secureConnection' listener (see the comment above).
      rejectUnauthorized: false,
      ...tlsPolicyOptions(),
      ...timeoutServerOptions(options.timeouts),
      maxHeaderSize: MAX_HEADER_BYTES,
    },
    listener,
  );

  // Where each connection came from: a TLS socket that failed its handshake has lost its address.
  const peers = new WeakMap<Socket, string>();
  const dropped = new WeakSet<Socket>();
  server.prependListener('connection', (socket: Socket) => {
    peers.set(socket, peerAddress(socket));
  });

  const caVerdicts = new CaVerdicts();
  server.prependListener('secureConnection', (socket: TLSSocket) => {
    const refusal = refusalOf(socket, trustedCas, caVerdicts);
    if (refusal === undefined) return;
    logger(`refused ${peerAddress(socket)}: ${refusal}`);
    socket.destroy();
  });

  server.on('tlsClientError', (error: NodeJS.ErrnoException, socket: TLSSocket) => {
    const raw = rawSocketOf(socket);
    if (raw && dropped.has(raw)) return;
    const peer = (raw && peers.get(raw)) ?? 'a client';
    logger(`refused ${peer}: ${describeTlsError(error)}; no client certificate seen`);
  });

  handleClientErrors(server, logger, options.timeouts);

  return {
    server,
    dropBeforeTls: (socket, reason) => {
      dropped.add(socket);
      logger(`refused ${peerAddress(socket)}: ${reason}`);
      socket.destroy();
    },
  };
}

/**
 * Why the client on `socket` may not go on, or undefined when it may. The hot path reads the
 * certificate with getPeerCertificate(): getPeerX509Certificate() also copies, and so decodes
 * again, every CA certificate the client sent along (OpenSSL clients send their chain), about
 * 150 µs a connection with one CA certificate. A refusal can afford it.
 */
function refusalOf(
  socket: TLSSocket,
  trustedCas: readonly X509Certificate[],
  caVerdicts: CaVerdicts,
): string | undefined {
  // An empty object when the client sent no certificate, null on a socket already destroyed.
  const peer = socket.getPeerCertificate() as PeerCertificate | null;
  if (!peer?.raw) return 'no client certificate; the mock requires one (mutual TLS)';
  if (!socket.authorized) {
    const cert = new X509Certificate(peer.raw);
    const code = socket.authorizationError?.toString() ?? 'UNSPECIFIED';
    return `${describeVerifyError(code, cert, trustedCas)}${whose(cert)}`;
  }
  // OpenSSL accepts a CA certificate as a client's leaf; a CA key is not an identity.
  if (caVerdicts.isCa(peer)) {
    return `client certificate is a CA certificate (basicConstraints CA:TRUE); present a leaf${whose(new X509Certificate(peer.raw))}`;
  }
  notePeerIdentity(socket, peer);
  return undefined;
}

function whose(cert: X509Certificate): string {
  return `; subject ${quoteName(cert.subject)}, issuer ${quoteName(cert.issuer)}`;
}

/** Certificates' CA verdicts seen so far; cleared when full, since they are cheap to redo. */
const MAX_CA_VERDICTS = 256;

/**
 * Whether a certificate is a CA's, worked out once per certificate: a client opens connection
 * after connection with the same one, and reading its extensions in JavaScript costs about half
 * as much again as reading the certificate.
 */
class CaVerdicts {
  readonly #byFingerprint = new Map<string, boolean>();

  isCa(peer: PeerCertificate): boolean {
    let verdict = this.#byFingerprint.get(peer.fingerprint256);
    if (verdict === undefined) {
      if (this.#byFingerprint.size >= MAX_CA_VERDICTS) this.#byFingerprint.clear();
      verdict = isCaCertificate(peer);
      this.#byFingerprint.set(peer.fingerprint256, verdict);
    }
    return verdict;
  }
}

/**
 * basicConstraints CA:TRUE. The certificate's `ca` flag alone is not enough: OpenSSL's
 * X509_check_ca, behind it, says false for a CA:TRUE certificate whose keyUsage lacks keyCertSign.
 */
function isCaCertificate(cert: PeerCertificate): boolean {
  if (cert.ca) return true;
  try {
    return readCertificateParts(cert).extensions.some((extension) => extension.isCa === true);
  } catch {
    // A certificate OpenSSL verified but the kit cannot read is refused rather than trusted.
    return true;
  }
}

/**
 * The TCP socket under a TLS socket. Node keeps it as `_parent` (not public API, stable since
 * Node 0.11); when absent, a refusal is simply logged without its address.
 */
function rawSocketOf(socket: TLSSocket): Socket | undefined {
  return (socket as TLSSocket & { _parent?: Socket })._parent;
}
