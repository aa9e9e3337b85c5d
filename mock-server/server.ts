import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

import { formatValidationErrors } from '../lib/contract/format-errors.js';
import type { OperationSpec } from '../lib/contract/operations.js';
import { getContractValidators, type ContractValidators } from '../lib/contract/validators.js';
import { AllowList } from './allow-list.js';
import { MockClock } from './clock.js';
import { HANDLERS } from './handlers/index.js';
import type { HandlerContext } from './handlers/handler.js';
import { parseJsonBody, readBody } from './read-body.js';
import {
  Problem,
  internalProblem,
  unsupportedMediaTypeProblem,
  validationProblem,
} from './problems.js';
import { checkAnswer, sendAnswer, REQUEST_ID_HEADER, type Answer } from './respond.js';
import { Router } from './router.js';
import { SessionTokens } from './session-tokens.js';
import { buildDefaultSeed } from './state/default-seed.js';
import { MockState } from './state/mock-state.js';
import type { SeedData } from './state/seed-types.js';

export interface MockTlsMaterial {
  /** The mock's server certificate and key (PEM). */
  certPem: string;
  keyPem: string;
  /** The CA (or CAs) whose client certificates the mock accepts (PEM). */
  clientCaPem: string;
}

export interface MockServerOptions {
  tls: MockTlsMaterial;
  /** Interface to bind; loopback unless told otherwise. */
  host?: string;
  /** 0 (the default) lets the OS choose a free port. */
  port?: number;
  /** Source addresses allowed to connect (CIDR); loopback only by default. */
  allowedCidrs?: readonly string[];
  /** Starting data; the built-in sandbox seed by default. */
  seed?: SeedData;
}

export interface MockServer {
  url: string;
  host: string;
  port: number;
  state: MockState;
  clock: MockClock;
  server: Server;
  close(): Promise<void>;
}

/** Header values longer than this are not echoed as a request id (the contract's limit). */
const MAX_REQUEST_ID_LENGTH = 128;

/** Starts the mTLS mock and resolves once it is listening. */
export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const validators = getContractValidators();
  const router = new Router(validators.operations);
  const allowList = new AllowList(options.allowedCidrs);
  const clock = new MockClock();
  const state = new MockState(options.seed ?? buildDefaultSeed(clock.now()), clock);
  const tokens = new SessionTokens(clock);

  const server = createServer(
    {
      cert: options.tls.certPem,
      key: options.tls.keyPem,
      ca: options.tls.clientCaPem,
      // mTLS: a client without a certificate from a trusted CA never gets an HTTP answer.
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
    },
    (request, response) => {
      void handleRequest(request, response, { validators, router, state, tokens });
    },
  );
  // Runs before the TLS layer sees the socket: a source outside the allow-list is dropped
  // without a single TLS byte, as a firewall in front of the real API would.
  server.prependListener('connection', (socket: Socket) => {
    if (!allowList.allows(socket.remoteAddress)) socket.destroy();
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `https://${urlHost}:${port}`,
    host,
    port,
    state,
    clock,
    server,
    close: () => closeServer(server),
  };
}

interface RequestDeps {
  validators: ContractValidators;
  router: Router;
  state: MockState;
  tokens: SessionTokens;
}

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  deps: RequestDeps,
): Promise<void> {
  const requestId = pickRequestId(request.headers[REQUEST_ID_HEADER]);
  const match = deps.router.match(request.method ?? 'GET', request.url ?? '/');
  const operation = 'operation' in match ? match.operation : undefined;
  let answer: Answer;
  try {
    if ('problem' in match) throw match.problem;
    answer = { status: 200, body: await runOperation(match.operation, request, deps) };
  } catch (error) {
    const problem =
      error instanceof Problem ? error : internalProblem('Unexpected error in the mock');
    answer = { status: problem.status, body: problem.toBody(requestId), headers: problem.headers };
  }
  answer.body.requestId = requestId;
  sendAnswer(response, checkAnswer(deps.validators, operation?.operationId, answer), requestId);
}

/** Content type, body, schema, session, then the operation's handler. */
async function runOperation(
  operation: OperationSpec,
  request: IncomingMessage,
  deps: RequestDeps,
): Promise<Record<string, unknown>> {
  let body: unknown;
  if (operation.requestSchemaPointer) {
    const contentType = request.headers['content-type'];
    if (!isJsonContentType(contentType)) throw unsupportedMediaTypeProblem(contentType);
    body = parseJsonBody(await readBody(request));
    const validate = deps.validators.requestValidator(operation.operationId)!;
    if (!validate(body))
      throw validationProblem(formatValidationErrors(validate.errors, { data: body }));
  } else {
    // Operations without a body ignore one, but it must still be drained from the socket.
    request.resume();
  }

  const session = operation.requiresSessionToken
    ? await deps.tokens.verify(
        headerValue(request.headers['x-cdlx-session-token']),
        operation.requiredScope,
      )
    : undefined;

  const handler = HANDLERS[operation.operationId as keyof typeof HANDLERS];
  const context = {
    body,
    session,
    state: deps.state,
    tokens: deps.tokens,
    headers: request.headers,
  };
  // Handlers may answer synchronously or not; Promise.resolve takes both.
  return { ...(await Promise.resolve(handler(context as HandlerContext<never>))) };
}

function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const mediaType = value.split(';', 1)[0]!.trim().toLowerCase();
  return mediaType === 'application/json';
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function pickRequestId(header: string | string[] | undefined): string {
  const value = headerValue(header);
  return value && value.length <= MAX_REQUEST_ID_LENGTH ? value : randomUUID();
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
