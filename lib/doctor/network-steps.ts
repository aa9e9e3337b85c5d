import { checkServerIdentity, type PeerCertificate } from 'node:tls';

import type { DoctorContext, Step } from './doctor-context.js';
import { fail, pass } from './doctor-context.js';
import {
  HandshakeError,
  ProbeTimeout,
  connectTcp,
  connectTls,
  resolveHost,
  routeSourceAddress,
} from './probes.js';
import { certificateRefusalOf, explainServerTrustError, isHangUp } from './tls-errors.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export const checkDns: Step = async (context) => {
  const outcome = await resolveHost(context.host, context.timeoutMs);
  if (!outcome.ok) {
    const code = (outcome.error as NodeJS.ErrnoException).code;
    const detail =
      code === 'ENOTFOUND'
        ? `the name ${context.host} does not resolve`
        : outcome.error instanceof ProbeTimeout
          ? outcome.error.message
          : `lookup of ${context.host} failed (${code ?? outcome.error.message})`;
    return fail(
      'dns',
      detail,
      'Check the host in the URL (or the region preset); inside a corporate network, check its DNS or proxy.',
      outcome.ms,
    );
  }
  context.address = outcome.value[0];
  const shown =
    context.address === context.host ? 'address literal, no lookup' : outcome.value.join(', ');
  return pass(`${context.host} → ${shown}`, outcome.ms);
};

export const checkTcp: Step = async (context) => {
  const address = context.address!;
  const outcome = await connectTcp({
    address,
    port: context.port,
    localAddress: context.localAddress,
    timeoutMs: context.timeoutMs,
  });
  if (outcome.ok) {
    context.sourceAddress = outcome.value.localAddress;
    return pass(
      `connected to ${address}:${context.port} from ${outcome.value.localAddress}:${outcome.value.localPort}`,
      outcome.ms,
    );
  }
  const code = (outcome.error as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED') {
    return fail(
      'server-down',
      `nothing is listening on ${address}:${context.port} (connection refused)`,
      'The server is down or the port is wrong: check the URL, and that the server (or `npm run mock`) is running.',
      outcome.ms,
    );
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return fail(
      'no-route',
      `there is no route from this machine to ${address} (${code})`,
      'Check the network connection, VPN or proxy of this machine.',
      outcome.ms,
    );
  }
  const source = context.localAddress ?? (await routeSourceAddress(address));
  context.sourceAddress = source;
  const what =
    outcome.error instanceof ProbeTimeout || code === 'ETIMEDOUT'
      ? `no answer from ${address}:${context.port} within ${context.timeoutMs} ms: packets are dropped`
      : `the connection to ${address}:${context.port} was reset (${code ?? outcome.error.message})`;
  return fail(
    'not-allow-listed',
    `${what}; the source address ${source ?? '(unknown)'} is probably not on the allow-list`,
    allowListHint(source),
    outcome.ms,
  );
};

export const checkTls: Step = async (context) => {
  const outcome = await connectTls({
    address: context.address!,
    port: context.port,
    servername: context.servername,
    localAddress: context.localAddress,
    secureContext: context.secureContext!,
    timeoutMs: context.timeoutMs,
  });
  if (!outcome.ok) return explainHandshakeError(context, outcome.error, outcome.ms);

  const session = outcome.value;
  const server = describeServerCertificate(session.peer);
  const identityError = checkServerIdentity(context.servername ?? context.host, session.peer);
  if (!session.authorized || identityError) {
    session.socket.destroy();
    const why = identityError
      ? `it is for ${session.peer.subjectaltname ?? commonName(session.peer.subject)}, not ${context.host}`
      : explainServerTrustError(session.authorizationError ?? 'UNKNOWN');
    return fail(
      'server-untrusted',
      `the server certificate (${server}) is not trusted: ${why}`,
      identityError
        ? 'Check the URL: this server presents a certificate for another name.'
        : `If this is the right server, trust the CA that issued it: ${context.caSettingHint}.`,
      outcome.ms,
    );
  }
  context.tls = session;
  return pass(`${session.protocol ?? 'TLS'}; server certificate ${server}`, outcome.ms);
};

function explainHandshakeError(context: DoctorContext, error: Error, ms: number) {
  const source = context.sourceAddress ?? '(unknown)';
  const original = error instanceof HandshakeError ? error.original : error;
  const serverSpoke = error instanceof HandshakeError && error.serverBytesRead > 0;
  if (isHangUp(original) && serverSpoke) {
    // TLS 1.2: the server reads our certificate before finishing the handshake, and a server
    // that refuses it may hang up instead of sending an alert.
    return fail(
      'certificate-refused',
      'the server refused our client certificate: it hung up during the handshake, after seeing it, without giving a reason',
      'Check the certificate with `npm run cdlx -- cert inspect`, and that it is the one Cardlytics signed for this environment.',
      ms,
    );
  }
  if (isHangUp(original)) {
    return fail(
      'not-allow-listed',
      `the server accepted TCP from ${source} and hung up before any TLS answer: the source address ${source} is probably not on the allow-list`,
      allowListHint(context.sourceAddress),
      ms,
    );
  }
  const refusal = certificateRefusalOf(original);
  if (refusal) {
    return fail(
      'certificate-refused',
      `the server refused our client certificate during the handshake: ${refusal.explanation}`,
      refusal.hint,
      ms,
    );
  }
  if (/wrong version number|packet length too long|http request/i.test(error.message)) {
    return fail(
      'not-tls',
      `${context.address}:${context.port} does not speak TLS (plain HTTP, or another service)`,
      'Check the port in the URL; the API is https only.',
      ms,
    );
  }
  if (/unsupported protocol|no protocols available|protocol version/i.test(error.message)) {
    return fail(
      'tls-failed',
      'the server and this machine share no TLS version (TLS 1.2 or later is required)',
      'Check for a proxy that intercepts TLS between this machine and the server.',
      ms,
    );
  }
  return fail(
    'tls-failed',
    `the TLS handshake failed: ${error.message}`,
    'Check for a proxy that intercepts TLS; run again with a longer --timeout if the link is slow.',
    ms,
  );
}

export function allowListHint(source: string | undefined): string {
  const from = source ? ` This machine sends from ${source};` : '';
  return `Ask Cardlytics to allow-list the public address your traffic leaves from, or run from an allow-listed host.${from} behind NAT or a proxy the public address differs (your network team knows it).`;
}

function describeServerCertificate(peer: PeerCertificate): string {
  const subject = commonName(peer.subject);
  const issuer = commonName(peer.issuer);
  const notAfter = new Date(Date.parse(peer.valid_to));
  const days = Math.floor((notAfter.getTime() - Date.now()) / DAY_MS);
  return `CN=${subject}, issued by CN=${issuer}, expires ${notAfter.toISOString().slice(0, 10)} (${days} days)`;
}

/** A name's CN (OpenSSL gives an array when there are several). */
function commonName(name: PeerCertificate['subject'] | undefined): string {
  const cn = name?.CN;
  return Array.isArray(cn) ? cn.join(', ') : (cn ?? '(no CN)');
}
