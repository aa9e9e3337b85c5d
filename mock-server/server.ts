import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

import { formatValidationErrors } from '../lib/contract/format-errors.js';
import type { OperationSpec } from '../lib/contract/operations.js';
import { getContractValidators, type ContractValidators } from '../lib/contract/validators.js';
import { startAdminServer, type AdminServer } from './admin/admin-server.js';
import { AllowList } from './allow-list.js';
import { listenOn } from './listen.js';
import { refuseAdminIdentity } from './client-identity.js';
import { createGuardedServer } from './connection-guard.js';
import type { MockClock } from './clock.js';
import { applyFaultBefore, deliverWithFault } from './faults/apply-fault.js';
import type { FaultDecision } from './faults/fault-rules.js';
import { holdHandshakes } from './faults/handshake-stall.js';
import { HANDLERS } from './handlers/index.js';
import { defaultMockLogger, type MockLogger } from './logger.js';
import type { HandlerContext } from './handlers/handler.js';
import { parseJsonBody, readBody } from './read-body.js';
import {
  Problem,
  internalProblem,
  unsupportedMediaTypeProblem,
  validationProblem,
} from './problems.js';
import { checkAnswer, sendAnswer, REQUEST_ID_HEADER, type Answer } from './respond.js';
import { describeExchange } from './journal.js';
import { Router } from './router.js';
import { Sandbox } from './sandbox.js';
import { SessionTokens } from './session-tokens.js';
import type { MockState } from './state/mock-state.js';
import type { SeedData } from './state/seed-types.js';
import { resolveTimeouts, type MockTimeouts } from './timeouts.js';

export interface MockTlsMaterial {
  /** The mock's server certificate and key (PEM). */
  certPem: string;
  keyPem: string;
  /** The CA (or CAs) whose client certificates the mock accepts (PEM). */
  clientCaPem: string;
  /**
   * Revocation lists (PEM), one per CA in `clientCaPem`, possibly empty: revoked client
   * certificates are then refused. Without them the mock checks no revocation.
   */
  clientCrlPem?: string;
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
  /**
   * Also start the admin API (openapi/mock-admin.yaml) on its own port (0, the default, lets the
   * OS choose), for the admin identity only.
   */
  admin?: boolean | { port?: number };
  /** Entries the request journal keeps (a ring buffer). */
  journalCapacity?: number;
  /** Handshake, headers, request and keep-alive limits; DEFAULT_TIMEOUTS for any left out. */
  timeouts?: Partial<MockTimeouts>;
  /** Where refused connections and malformed requests are reported; see defaultMockLogger. */
  logger?: MockLogger;
}

export interface MockServer {
  url: string;
  host: string;
  port: number;
  state: MockState;
  clock: MockClock;
  /** State, clock, faults and journal, as the admin API drives them. */
  sandbox: Sandbox;
  /** The admin listener, when `admin` was asked for. */
  admin: AdminServer | undefined;
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
  const sandbox = new Sandbox({
    seed: options.seed,
    journalCapacity: options.journalCapacity,
    operationIds: validators.operations.map((operation) => operation.operationId),
  });
  const { state, clock } = sandbox;
  const tokens = new SessionTokens(clock);

  // mTLS: a client without a valid certificate from a trusted CA never gets an HTTP answer.
  const { server, dropBeforeTls } = createGuardedServer(
    {
      tls: options.tls,
      timeouts: resolveTimeouts(options.timeouts),
      logger: options.logger ?? defaultMockLogger(),
    },
    (request, response) => {
      void handleRequest(request, response, { validators, router, state, tokens, sandbox });
    },
  );
  // A stalled TLS handshake is a fault too: this gate sits between TCP and the TLS layer.
  const stalls = holdHandshakes(server, () => sandbox.faults.decideStall());
  sandbox.faults.onClear(() => stalls.releaseAll());
  // Runs before the TLS layer sees the socket: a source outside the allow-list is dropped
  // without a single TLS byte, as a firewall in front of the real API would.
  server.prependListener('connection', (socket: Socket) => {
    if (!allowList.allows(socket.remoteAddress)) {
      dropBeforeTls(socket, 'source address is not on the allow-list');
    }
  });

  const host = options.host ?? '127.0.0.1';
  await listenOn(server, options.port ?? 0, host, 'The mock');
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const adminPort = typeof options.admin === 'object' ? (options.admin.port ?? 0) : 0;
  // A mock whose admin API cannot start is not left listening on its own.
  const admin = options.admin
    ? await startAdminServer({ tls: options.tls, host, port: adminPort, sandbox, allowList }).catch(
        async (error: unknown) => {
          await closeServer(server);
          throw error;
        },
      )
    : undefined;
  return {
    url: `https://${urlHost}:${port}`,
    host,
    port,
    state,
    clock,
    sandbox,
    admin,
    server,
    close: async () => {
      await admin?.close();
      stalls.destroyAll();
      await closeServer(server);
    },
  };
}

interface RequestDeps {
  validators: ContractValidators;
  router: Router;
  state: MockState;
  tokens: SessionTokens;
  sandbox: Sandbox;
}

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  deps: RequestDeps,
): Promise<void> {
  const startedMs = performance.now();
  const requestId = pickRequestId(request.headers[REQUEST_ID_HEADER]);
  const match = deps.router.match(request.method ?? 'GET', request.url ?? '/');
  const operation = 'operation' in match ? match.operation : undefined;
  const operationId = operation?.operationId;
  let fault: FaultDecision | undefined;
  let answer: Answer;
  try {
    refuseAdminIdentity(request.socket);
    if ('problem' in match) throw match.problem;
    // Faults set through the admin API; with none set, this is one length check.
    fault = deps.sandbox.faults.decide(match.operation.operationId);
    if (fault && (await applyFaultBefore(fault, request))) {
      const exchange = { startedMs, operationId, requestId, status: 0, fault: fault.kind };
      deps.sandbox.journal.record(describeExchange(request, { ...exchange, body: undefined }));
      return;
    }
    answer = { status: 200, body: await runOperation(match.operation, request, deps) };
  } catch (error) {
    const problem =
      error instanceof Problem ? error : internalProblem('Unexpected error in the mock');
    answer = { status: problem.status, body: problem.toBody(requestId), headers: problem.headers };
  }
  answer.body.requestId = requestId;
  const checked = checkAnswer(deps.validators, operationId, answer);
  let status = checked.status;
  if (fault) status = deliverWithFault(response, checked, requestId, fault);
  else sendAnswer(response, checked, requestId);
  const exchange = { startedMs, operationId, requestId, status, fault: fault?.kind };
  deps.sandbox.journal.record(describeExchange(request, { ...exchange, body: checked.body }));
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

  // A token seen before is checked synchronously; only a new one waits for its signature check.
  const token = headerValue(request.headers['x-cdlx-session-token']);
  const session = operation.requiresSessionToken
    ? (deps.tokens.verifyKnown(token, operation.requiredScope) ??
      (await deps.tokens.verify(token, operation.requiredScope)))
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
