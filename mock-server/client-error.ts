import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Server } from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

import { getContractValidators } from '../lib/contract/validators.js';
import { peerAddress, type MockLogger } from './logger.js';
import {
  headersTooLargeProblem,
  malformedRequestProblem,
  methodNotImplementedProblem,
  requestTimeoutProblem,
  type Problem,
} from './problems.js';
import { checkAnswer, REQUEST_ID_HEADER } from './respond.js';
import type { MockTimeouts } from './timeouts.js';

/**
 * How long an answered connection may stay open for the client to read the error and close: the
 * connection is not closed at once, since a reset can make the client drop the answer unread.
 */
const LINGER_MS = 1_000;

/** Node's default, set explicitly so a `--max-http-header-size` flag cannot widen it. */
export const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Answers what Node's HTTP parser refuses (malformed request line or headers, smuggling vectors
 * such as Content-Length with Transfer-Encoding, header floods, unknown methods, slow requests)
 * with the contract's JSON error and a `requestId`, as every other answer of the mock, then closes
 * the connection. Node's own default is an empty 400. CONNECT gets the same treatment (Node would
 * close the socket without a word). Handshake failures arrive here too and are only closed.
 */
export function handleClientErrors(
  server: Server,
  logger: MockLogger,
  timeouts: MockTimeouts,
): void {
  const answered = new WeakSet<Duplex>();

  server.on('clientError', (error: ParserError, socket: Duplex) => {
    if (answered.has(socket)) return;
    const problem = problemFor(error, timeouts);
    // Not an HTTP error (a TLS failure, a reset), an answer already on its way, or nobody to tell.
    if (!problem || !socket.writable || hasStartedAnswer(socket)) {
      socket.destroy();
      return;
    }
    logger(
      `answered ${problem.status} to ${peerAddress(socket as Socket)}: ${problem.validationErrors.join('; ')}`,
    );
    answered.add(socket);
    sendAndClose(socket, problem);
  });

  server.on('connect', (request: IncomingMessage, socket: Duplex) => {
    answered.add(socket);
    sendAndClose(socket, methodNotImplementedProblem(request.method ?? 'CONNECT'));
  });
}

function problemFor(error: ParserError, timeouts: MockTimeouts): Problem | undefined {
  const code = error.code ?? '';
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return requestTimeoutProblem(timeouts);
  if (!code.startsWith('HPE_')) return undefined;
  if (code === 'HPE_HEADER_OVERFLOW') return headersTooLargeProblem(MAX_HEADER_BYTES);
  if (code === 'HPE_INVALID_METHOD') return methodNotImplementedProblem(methodOf(error.rawPacket));
  // The parser's reason only: Node also attaches the raw bytes, which may hold a session token.
  return malformedRequestProblem(`${code}: ${error.reason ?? error.message}`);
}

/** What Node's HTTP parser attaches to its errors. */
type ParserError = NodeJS.ErrnoException & { reason?: string; rawPacket?: Buffer };

/** The method token of the refused request line, when it is one (never more of the packet). */
function methodOf(rawPacket: Buffer | undefined): string | undefined {
  const start = rawPacket?.subarray(0, 40).toString('latin1') ?? '';
  return /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,32}(?= )/.exec(start)?.[0];
}

/** Writes a complete HTTP/1.1 answer straight to the socket, then closes it. */
function sendAndClose(socket: Duplex, problem: Problem): void {
  const requestId = randomUUID();
  const answer = checkAnswer(getContractValidators(), undefined, {
    status: problem.status,
    body: problem.toBody(requestId),
  });
  const payload = JSON.stringify(answer.body);
  const head = [
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`,
    'content-type: application/json',
    `content-length: ${Buffer.byteLength(payload)}`,
    `${REQUEST_ID_HEADER}: ${requestId}`,
    'connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${payload}`);
  const linger = setTimeout(() => socket.destroy(), LINGER_MS);
  linger.unref();
  socket.once('close', () => clearTimeout(linger));
}

/**
 * Whether the response to the current request has begun: then an error answer would be spliced
 * into it. Node's own handler checks the same (`_httpMessage`, not public API).
 */
function hasStartedAnswer(socket: Duplex): boolean {
  return (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage?.headersSent === true;
}
