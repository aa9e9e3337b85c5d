import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

import { loadAdminContract } from '../../lib/admin-client/admin-contract.js';
import { formatValidationErrors } from '../../lib/contract/format-errors.js';
import type { OpenApiDocument } from '../../lib/contract/load-contract.js';
import { findUnknownFields } from '../../lib/contract/unknown-fields.js';
import { getContractValidators, type ContractValidators } from '../../lib/contract/validators.js';
import type { AllowList } from '../allow-list.js';
import { requireAdminIdentity } from '../client-identity.js';
import {
  Problem,
  internalProblem,
  unsupportedMediaTypeProblem,
  validationProblem,
} from '../problems.js';
import { listenOn } from '../listen.js';
import { parseJsonBody, readBody } from '../read-body.js';
import { sendAnswer, type Answer } from '../respond.js';
import { Router } from '../router.js';
import type { Sandbox } from '../sandbox.js';
import type { MockTlsMaterial } from '../server.js';
import { ADMIN_HANDLERS, type AdminContext } from './admin-handlers.js';

/** Seeds with hundreds of ads and their assets run past the API's 1 MB; this is still bounded. */
const ADMIN_MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface AdminServerOptions {
  tls: MockTlsMaterial;
  host: string;
  /** 0 lets the OS choose. */
  port: number;
  sandbox: Sandbox;
  allowList: AllowList;
}

export interface AdminServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface AdminDeps {
  contract: OpenApiDocument;
  validators: ContractValidators;
  router: Router;
  sandbox: Sandbox;
}

/**
 * The admin API (openapi/mock-admin.yaml) on its own port: the same TLS material and allow-list
 * as the mock, and only the admin identity gets past the first check. Bodies are validated
 * against the admin document, and answers checked against it before they leave, as the mock's
 * own answers are against the contract.
 */
export async function startAdminServer(options: AdminServerOptions): Promise<AdminServer> {
  const contract = loadAdminContract();
  const validators = getContractValidators(contract);
  const deps: AdminDeps = {
    contract,
    validators,
    router: new Router(validators.operations),
    sandbox: options.sandbox,
  };
  const server = createServer(
    {
      cert: options.tls.certPem,
      key: options.tls.keyPem,
      ca: options.tls.clientCaPem,
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.2',
    },
    (request, response) => {
      void handleAdminRequest(request, response, deps);
    },
  );
  server.prependListener('connection', (socket: Socket) => {
    if (!options.allowList.allows(socket.remoteAddress)) socket.destroy();
  });
  await listenOn(server, options.port, options.host, 'The mock admin API');
  const { port } = server.address() as AddressInfo;
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `https://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handleAdminRequest(
  request: IncomingMessage,
  response: ServerResponse,
  deps: AdminDeps,
): Promise<void> {
  const requestId = randomUUID();
  const match = deps.router.match(request.method ?? 'GET', request.url ?? '/');
  const operationId = 'operation' in match ? match.operation.operationId : undefined;
  let answer: Answer;
  try {
    requireAdminIdentity(request.socket);
    if ('problem' in match) throw match.problem;
    let body: unknown;
    if (match.operation.requestSchemaPointer) {
      body = await readValidBody(request, deps.validators, match.operation.operationId);
    } else {
      request.resume();
    }
    const handler = ADMIN_HANDLERS[match.operation.operationId as keyof typeof ADMIN_HANDLERS];
    const context = { body, sandbox: deps.sandbox, adminContract: deps.contract };
    answer = { status: 200, body: { ...handler(context as AdminContext<never>) } };
  } catch (error) {
    const problem =
      error instanceof Problem ? error : internalProblem('Unexpected error in the mock admin API');
    answer = { status: problem.status, body: problem.toBody(requestId), headers: problem.headers };
  }
  sendAnswer(response, checkAdminAnswer(deps, operationId, answer, requestId), requestId);
}

async function readValidBody(
  request: IncomingMessage,
  validators: ContractValidators,
  operationId: string,
): Promise<unknown> {
  const contentType = request.headers['content-type'];
  const mediaType = contentType?.split(';', 1)[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') throw unsupportedMediaTypeProblem(contentType);
  const body = parseJsonBody(await readBody(request, ADMIN_MAX_BODY_BYTES));
  const validate = validators.requestValidator(operationId)!;
  if (!validate(body)) {
    throw validationProblem(
      formatValidationErrors(validate.errors, { data: body }),
      'The request body breaks openapi/mock-admin.yaml; nothing was changed',
    );
  }
  return body;
}

/** The admin document's counterpart of respond.ts's checkAnswer: schema, then undeclared fields. */
function checkAdminAnswer(
  deps: AdminDeps,
  operationId: string | undefined,
  answer: Answer,
  requestId: string,
): Answer {
  const operation = deps.validators.operations.find((op) => op.operationId === operationId);
  const validator =
    (operationId && deps.validators.responseValidator(operationId, answer.status)) ||
    deps.validators.schemaValidator('Error');
  const pointer =
    operation?.responses[String(answer.status)]?.schemaPointer ?? '#/components/schemas/Error';
  const errors = validator(answer.body)
    ? []
    : formatValidationErrors(validator.errors, { withSchemaPath: true, data: answer.body });
  errors.push(
    ...findUnknownFields(pointer, answer.body, deps.contract).map(
      (field) => `${field}: is not declared in openapi/mock-admin.yaml`,
    ),
  );
  if (errors.length === 0) return answer;
  const problem = internalProblem(
    `The admin API's ${operationId ?? 'error'} ${answer.status} answer breaks openapi/mock-admin.yaml (a mock bug)`,
    errors,
  );
  return { status: 500, body: problem.toBody(requestId) };
}
