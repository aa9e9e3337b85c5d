import { createSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect as connectTcpSocket, isIP } from 'node:net';
import {
  connect as connectTlsSocket,
  type PeerCertificate,
  type SecureContext,
  type TLSSocket,
} from 'node:tls';

/**
 * The network probes doctor runs, one per step. Each settles within `timeoutMs` and never throws:
 * it resolves with what happened, and the steps turn that into words.
 */
export type Outcome<T> =
  { ok: true; value: T; ms: number } | { ok: false; error: Error; ms: number };

export class ProbeTimeout extends Error {
  constructor(what: string, timeoutMs: number) {
    super(`${what} got no answer within ${timeoutMs} ms`);
    this.name = 'ProbeTimeout';
  }
}

async function timed<T>(
  what: string,
  timeoutMs: number,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<Outcome<T>> {
  const started = performance.now();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ProbeTimeout(what, timeoutMs));
    }, timeoutMs);
  });
  try {
    const value = await Promise.race([run(controller.signal), timeout]);
    return { ok: true, value, ms: Math.round(performance.now() - started) };
  } catch (error) {
    const asError = error instanceof Error ? error : new Error(String(error));
    return { ok: false, error: asError, ms: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves a host name to its addresses (an address literal resolves to itself). */
export function resolveHost(host: string, timeoutMs: number): Promise<Outcome<string[]>> {
  return timed(`DNS lookup of ${host}`, timeoutMs, async () => {
    if (isIP(host)) return [host];
    const records = await lookup(host, { all: true });
    return records.map((record) => record.address);
  });
}

export interface TcpConnection {
  localAddress: string;
  localPort: number;
}

/** Opens a TCP connection and closes it again, reporting the address we connected from. */
export function connectTcp(options: {
  address: string;
  port: number;
  localAddress: string | undefined;
  timeoutMs: number;
}): Promise<Outcome<TcpConnection>> {
  const { address, port, localAddress, timeoutMs } = options;
  return timed(`TCP connect to ${address}:${port}`, timeoutMs, (signal) => {
    return new Promise<TcpConnection>((resolve, reject) => {
      const socket = connectTcpSocket({
        host: address,
        port,
        ...(localAddress ? { localAddress } : {}),
      });
      signal.addEventListener('abort', () => socket.destroy());
      socket.once('error', reject);
      socket.once('connect', () => {
        resolve({ localAddress: socket.localAddress ?? '?', localPort: socket.localPort ?? 0 });
        socket.destroy();
      });
    });
  });
}

/**
 * The address this machine would send from to reach `address`, without sending anything: a UDP
 * socket's connect only consults the routing table. Used when TCP never connected.
 */
export function routeSourceAddress(address: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = createSocket(isIP(address) === 6 ? 'udp6' : 'udp4');
    const done = (value: string | undefined): void => {
      socket.close();
      resolve(value);
    };
    socket.once('error', () => done(undefined));
    socket.connect(443, address, () => done(socket.address().address));
  });
}

export interface TlsSession {
  socket: TLSSocket;
  protocol: string | null;
  authorized: boolean;
  authorizationError: string | undefined;
  peer: PeerCertificate;
}

/** A failed handshake, with how much the server had sent: 0 means it never spoke TLS at all. */
export class HandshakeError extends Error {
  constructor(
    readonly original: Error,
    readonly serverBytesRead: number,
  ) {
    super(original.message, { cause: original });
    this.name = 'HandshakeError';
  }

  get code(): string | undefined {
    return (this.original as NodeJS.ErrnoException).code;
  }
}

/**
 * Completes a TLS handshake presenting our certificate. The server certificate is not rejected
 * here (rejectUnauthorized false) so that doctor can describe it; the step then judges trust
 * itself and stops before any request is sent to an untrusted server. The TCP socket is opened
 * separately so that a failure can tell whether the server sent anything before hanging up.
 */
export function connectTls(options: {
  address: string;
  port: number;
  servername: string | undefined;
  localAddress: string | undefined;
  secureContext: SecureContext;
  timeoutMs: number;
}): Promise<Outcome<TlsSession>> {
  const { address, port, timeoutMs } = options;
  return timed(`TLS handshake with ${address}:${port}`, timeoutMs, (signal) => {
    return new Promise<TlsSession>((resolve, reject) => {
      const raw = connectTcpSocket({
        host: address,
        port,
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      });
      const socket = connectTlsSocket({
        socket: raw,
        ...(options.servername ? { servername: options.servername } : {}),
        secureContext: options.secureContext,
        rejectUnauthorized: false,
        minVersion: 'TLSv1.2',
        ALPNProtocols: ['http/1.1'],
      });
      const onError = (error: Error): void => reject(new HandshakeError(error, raw.bytesRead));
      signal.addEventListener('abort', () => socket.destroy());
      socket.once('error', onError);
      socket.once('secureConnect', () => {
        socket.off('error', onError);
        const authorizationError = socket.authorizationError as unknown as string | Error | null;
        resolve({
          socket,
          protocol: socket.getProtocol(),
          authorized: socket.authorized,
          authorizationError:
            authorizationError instanceof Error
              ? authorizationError.message
              : (authorizationError ?? undefined),
          peer: socket.getPeerCertificate(true),
        });
      });
    });
  });
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Sends one HTTP/1.1 request over the TLS connection `connect` opens (or one already open). */
export function sendRequest(options: {
  connect: () => TLSSocket;
  host: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
}): Promise<Outcome<HttpAnswer>> {
  return timed(`${options.method} ${options.path}`, options.timeoutMs, (signal) => {
    return new Promise<HttpAnswer>((resolve, reject) => {
      const req = request(
        {
          createConnection: options.connect,
          method: options.method,
          path: options.path,
          headers: {
            host: options.host,
            accept: 'application/json',
            ...(options.body === undefined
              ? {}
              : {
                  'content-type': 'application/json',
                  'content-length': String(Buffer.byteLength(options.body)),
                }),
            ...options.headers,
          },
          signal,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.once('error', reject);
          response.once('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      req.once('error', reject);
      req.end(options.body);
    });
  });
}
