import type { IncomingMessage, ServerResponse } from 'node:http';

import { formatValidationErrors } from '../lib/contract/format-errors.js';
import type { OperationSpec } from '../lib/contract/operations.js';
import type { ContractValidators } from '../lib/contract/validators.js';
import { ANSWER_SLOT, type SlottedBody } from './answer-cache.js';
import { refuseAdminIdentity } from './client-identity.js';
import { applyFaultBefore, deliverWithFault } from './faults/apply-fault.js';
import type { FaultDecision } from './faults/fault-rules.js';
import type { HandlerContext } from './handlers/handler.js';
import { HANDLERS } from './handlers/index.js';
import { describeExchange } from './journal.js';
import {
  Problem,
  internalProblem,
  unsupportedMediaTypeProblem,
  validationProblem,
} from './problems.js';
import { newRequestId } from './request-id.js';
import { collectBody, MAX_BODY_BYTES, parseJsonBody, type BodySink } from './read-body.js';
import { checkAnswer, sendAnswer, REQUEST_ID_HEADER, type Answer } from './respond.js';
import type { Router } from './router.js';
import type { Sandbox } from './sandbox.js';
import type { SessionClaims, SessionTokens } from './session-tokens.js';
import type { ValidBodies } from './valid-bodies.js';

/** What every exchange of one mock shares. */
export interface ExchangeDeps {
  validators: ContractValidators;
  router: Router;
  tokens: SessionTokens;
  sandbox: Sandbox;
  validBodies: ValidBodies;
}

/** Header values longer than this are not echoed as a request id (the contract's limit). */
const MAX_REQUEST_ID_LENGTH = 128;

/**
 * One request through the mock: route, identity, faults, content type, body, schema, session,
 * handler, the answer's contract check, the answer, the journal.
 *
 * Each step runs as soon as what it needs is there, with no promise in between unless something
 * really has to be waited for: a fault's delay, the signature check of a session token not seen
 * before, or a handler that answers asynchronously. The usual request of a load test (its body in,
 * its token known, its answer cached) thus goes from its last byte to the socket in the same turn
 * of the event loop.
 */
export class Exchange implements BodySink {
  private readonly startedMs = performance.now();
  private readonly requestId: string;
  private operation: OperationSpec | undefined;
  private fault: FaultDecision | undefined;
  private body: unknown;

  constructor(
    private readonly request: IncomingMessage,
    private readonly response: ServerResponse,
    private readonly deps: ExchangeDeps,
  ) {
    this.requestId = pickRequestId(request.headers[REQUEST_ID_HEADER]);
  }

  /** Route, identity and faults; then the body. */
  start(): void {
    try {
      const { request } = this;
      const match = this.deps.router.match(request.method ?? 'GET', request.url ?? '/');
      if ('operation' in match) this.operation = match.operation;
      refuseAdminIdentity(request.socket);
      if ('problem' in match) throw match.problem;
      // With no fault rules set through the admin API, this is one length check.
      this.fault = this.deps.sandbox.faults.decide(match.operation.operationId);
      if (this.fault) {
        applyFaultBefore(this.fault, request).then(
          (reset) => this.resume(() => (reset ? this.record(0, undefined) : this.readBody())),
          (error: unknown) => this.fail(error),
        );
        return;
      }
      this.readBody();
    } catch (error) {
      this.fail(error);
    }
  }

  /** Content type, then the body; operations without one ignore it but drain it. */
  private readBody(): void {
    const { request, operation } = this;
    if (!operation!.requestSchemaPointer) {
      request.resume();
      this.authorise();
      return;
    }
    const contentType = request.headers['content-type'];
    if (!isJsonContentType(contentType)) {
      this.fail(unsupportedMediaTypeProblem(contentType));
      return;
    }
    collectBody(request, MAX_BODY_BYTES, this);
  }

  bodyArrived(raw: Buffer): void {
    try {
      this.body = this.validBody(raw);
      this.authorise();
    } catch (error) {
      this.fail(error);
    }
  }

  bodyFailed(error: unknown): void {
    this.fail(error);
  }

  /** The body's value once it passed the contract, from the memo when these bytes did before. */
  private validBody(raw: Buffer): unknown {
    const { operationId } = this.operation!;
    const { validBodies, validators } = this.deps;
    const known = validBodies.get(operationId, raw);
    if (known !== undefined) return known;
    const body = parseJsonBody(raw);
    const validate = validators.requestValidator(operationId)!;
    if (!validate(body)) {
      throw validationProblem(formatValidationErrors(validate.errors, { data: body }));
    }
    return validBodies.remember(operationId, raw, body);
  }

  /** The session, if the operation needs one: a token seen before is checked synchronously. */
  private authorise(): void {
    const operation = this.operation!;
    if (!operation.requiresSessionToken) {
      this.runHandler(undefined);
      return;
    }
    const token = headerValue(this.request.headers['x-cdlx-session-token']);
    const { tokens } = this.deps;
    const known = tokens.verifyKnown(token, operation.requiredScope);
    if (known) {
      this.runHandler(known);
      return;
    }
    tokens.verify(token, operation.requiredScope).then(
      (session) => this.resume(() => this.runHandler(session)),
      (error: unknown) => this.fail(error),
    );
  }

  /**
   * Goes on after a wait. Every step may throw a Problem (a session refused, a handler's 400);
   * inside a promise callback that would be a rejection nobody answers, so it becomes the answer
   * here, as it does in `start` and `bodyArrived` for the steps that run without a wait.
   */
  private resume(step: () => void): void {
    try {
      step();
    } catch (error) {
      this.fail(error);
    }
  }

  private runHandler(session: SessionClaims | undefined): void {
    const { deps, request } = this;
    const handler = HANDLERS[this.operation!.operationId as keyof typeof HANDLERS];
    const context = {
      body: this.body,
      session,
      state: deps.sandbox.state,
      tokens: deps.tokens,
      headers: request.headers,
    };
    const answer = handler(context as HandlerContext<never>);
    if (answer instanceof Promise) {
      answer.then(
        (body: Record<string, unknown>) => this.resume(() => this.finish(200, body, undefined)),
        (error: unknown) => this.fail(error),
      );
    } else {
      this.finish(200, answer, undefined);
    }
  }

  private fail(error: unknown): void {
    const problem =
      error instanceof Problem ? error : internalProblem('Unexpected error in the mock');
    this.finish(problem.status, problem.toBody(this.requestId), problem.headers);
  }

  /**
   * Checks the answer against the contract, sends it and journals the exchange. An answer that
   * passed the check before (a cached one, see answer-cache.ts) is sent as it was then: no copy,
   * no check, no serialisation.
   */
  private finish(
    status: number,
    body: Record<string, unknown>,
    headers: Record<string, string> | undefined,
  ): void {
    const { deps, requestId } = this;
    const checkedBefore = (body as SlottedBody)[ANSWER_SLOT]?.jsonHead !== undefined;
    const answer: Answer = checkedBefore
      ? { status, body, headers }
      : checkAnswer(deps.validators, this.operation?.operationId, {
          status,
          // A copy: a handler's answer may be a cached object, which is never changed.
          body: { ...body, requestId },
          headers,
        });
    let sent = answer.status;
    if (this.fault) sent = deliverWithFault(this.response, answer, requestId, this.fault);
    else sendAnswer(this.response, answer, requestId);
    this.record(sent, answer.body);
  }

  private record(status: number, body: Record<string, unknown> | undefined): void {
    this.deps.sandbox.journal.record(
      describeExchange(this.request, {
        startedMs: this.startedMs,
        operationId: this.operation?.operationId,
        requestId: this.requestId,
        status,
        fault: this.fault?.kind,
        body,
      }),
    );
  }
}

/** `application/json`, with or without parameters; the exact common form without any parsing. */
function isJsonContentType(value: string | undefined): boolean {
  if (value === 'application/json') return true;
  if (!value) return false;
  const mediaType = value.split(';', 1)[0]!.trim().toLowerCase();
  return mediaType === 'application/json';
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function pickRequestId(header: string | string[] | undefined): string {
  const value = headerValue(header);
  return value && value.length <= MAX_REQUEST_ID_LENGTH ? value : newRequestId();
}
