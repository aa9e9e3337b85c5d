import { connect, type ConnectionOptions, type TLSSocket } from 'node:tls';

export interface RawExchangeOptions {
  port: number;
  host?: string;
  /** Client certificate and key (PEM); leave out to present none. */
  cert?: string;
  key?: string;
  /** CA that signed the server certificate. */
  ca: string;
  /** Bytes to send once the handshake is done; or a function that writes them at its own pace. */
  send: string | Buffer | ((socket: TLSSocket) => void);
  /** Extra TLS options: versions, cipher suites. */
  tls?: ConnectionOptions;
  /** Give up after this long (the outcome then says `timedOut`). */
  timeoutMs?: number;
}

export interface RawOutcome {
  /** Everything the server sent back, decoded as latin1. */
  received: string;
  /** The socket error, when there was one (a refused handshake, a reset). */
  errorCode: string | undefined;
  /** The local port, which the server's log lines name. */
  localPort: number | undefined;
  /** Milliseconds from connect to close. */
  elapsedMs: number;
  timedOut: boolean;
}

/**
 * Opens a TLS connection with node:tls, sends raw bytes (malformed HTTP included) and collects
 * whatever comes back until the server closes. Resolves, never rejects: a refusal is an outcome.
 */
export function rawExchange(options: RawExchangeOptions): Promise<RawOutcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let errorCode: string | undefined;
    let localPort: number | undefined;
    let timedOut = false;
    const socket = connect({
      host: options.host ?? '127.0.0.1',
      port: options.port,
      ca: options.ca,
      ...(options.cert ? { cert: options.cert, key: options.key } : {}),
      // Lets the tests offer what the server must refuse (old versions, weak certificates).
      ciphers: 'DEFAULT:@SECLEVEL=0',
      ...options.tls,
    });
    const timer = setTimeout(() => {
      timedOut = true;
      socket.destroy();
    }, options.timeoutMs ?? 10_000);
    socket.on('connect', () => {
      localPort = socket.localPort;
    });
    socket.on('secureConnect', () => {
      if (typeof options.send === 'function') options.send(socket);
      else socket.write(options.send);
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      errorCode ??= error.code ?? error.message;
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({
        received: Buffer.concat(chunks).toString('latin1'),
        errorCode,
        localPort,
        elapsedMs: performance.now() - started,
        timedOut,
      });
    });
  });
}

/** The status line and JSON body of a raw HTTP/1.1 answer (Content-Length framed). */
export function parseRawAnswer(received: string): {
  status: number;
  headers: Record<string, string>;
  body: unknown;
} {
  const headerEnd = received.indexOf('\r\n\r\n');
  if (!received.startsWith('HTTP/1.1 ') || headerEnd === -1) {
    throw new Error(`not an HTTP answer: ${JSON.stringify(received.slice(0, 80))}`);
  }
  const [statusLine = '', ...headerLines] = received.slice(0, headerEnd).split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
    }),
  );
  const length = Number(headers['content-length']);
  const rawBody = received.slice(headerEnd + 4, headerEnd + 4 + length);
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    body: JSON.parse(Buffer.from(rawBody, 'latin1').toString('utf8')),
  };
}
