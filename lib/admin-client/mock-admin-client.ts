import type { Agent } from 'undici';
import { request } from 'undici';

import { getOperation } from '../contract/operations.js';
import { CdlxError } from '../errors.js';
import { loadAdminContract } from './admin-contract.js';
import type {
  AdminOperationId,
  AdminRequestBody,
  AdminSuccessBody,
  ClockState,
  FaultRule,
  FaultRuleRequest,
  Journal,
  SandboxStatus,
} from './admin-types.js';
import { createIdentityAgent, type PemIdentityFiles } from './identity-agent.js';

export interface MockAdminClientOptions {
  /** Base URL of the admin listener, e.g. `https://127.0.0.1:8444`. */
  url: string;
  /** The admin identity: `certs/mock-admin.crt` and its key for the local PKI. */
  identity: PemIdentityFiles;
  /** CAs to trust for the admin listener's server certificate (the local CA). */
  caPaths: readonly string[];
}

/** An error answer of the admin API, with what it said. */
export class MockAdminError extends CdlxError {
  readonly status: number;
  readonly validationErrors: string[];

  constructor(operationId: string, status: number, body: unknown) {
    const error = (body ?? {}) as { type?: string; title?: string; validationErrors?: string[] };
    const validationErrors = error.validationErrors ?? [];
    super(
      'CDLX_MOCK_ADMIN',
      [
        `The mock admin API answered ${operationId} with ${status} ${error.type ?? ''}: ${error.title ?? JSON.stringify(body)}`,
        ...validationErrors.map((line) => `  - ${line}`),
      ].join('\n'),
      { hint: hintFor(status) },
    );
    this.name = 'MockAdminError';
    this.status = status;
    this.validationErrors = validationErrors;
  }
}

/**
 * A typed client of the mock's admin API (openapi/mock-admin.yaml): method and path come from
 * that document by operationId, bodies are typed by its generated types.
 *
 * @example
 *   const admin = await MockAdminClient.connect({
 *     url: mock.admin.url, identity: pki.paths.admin, caPaths: [pki.paths.ca.certPath],
 *   });
 *   await admin.addFault({ kind: 'status', status: 503, operationId: 'getAds', times: 2 });
 *   const { entries } = await admin.journal();
 *   await admin.close();
 */
export class MockAdminClient {
  private constructor(
    private readonly url: string,
    private readonly agent: Agent,
  ) {}

  static async connect(options: MockAdminClientOptions): Promise<MockAdminClient> {
    const agent = await createIdentityAgent(options.identity, options.caPaths);
    return new MockAdminClient(options.url.replace(/\/+$/, ''), agent);
  }

  /** Calls one admin operation; resolves with its 200 body or throws MockAdminError. */
  async call<Id extends AdminOperationId>(
    operationId: Id,
    ...body: AdminRequestBody<Id> extends never ? [] : [AdminRequestBody<Id>]
  ): Promise<AdminSuccessBody<Id>> {
    const operation = getOperation(operationId, loadAdminContract());
    const payload = body.length > 0 ? JSON.stringify(body[0]) : undefined;
    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(`${this.url}${operation.path}`, {
        dispatcher: this.agent,
        method: operation.method.toUpperCase() as 'GET',
        headers: {
          accept: 'application/json',
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(payload === undefined ? {} : { body: payload }),
      });
    } catch (error) {
      throw new CdlxError(
        'CDLX_MOCK_ADMIN_UNREACHABLE',
        `Cannot reach the mock admin API at ${this.url}: ${(error as Error).message}`,
        {
          hint: 'Start the mock with its admin listener (`npm run mock` prints the admin URL), and call it with the admin identity, certs/mock-admin.crt.',
          cause: error,
        },
      );
    }
    const text = await response.body.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    if (response.statusCode !== 200) {
      throw new MockAdminError(operationId, response.statusCode, parsed);
    }
    return parsed as AdminSuccessBody<Id>;
  }

  status(): Promise<SandboxStatus> {
    return this.call('getSandboxStatus');
  }

  /** Back to the starting seed, real time, no faults, an empty journal. */
  reset(): Promise<SandboxStatus> {
    return this.call('resetSandbox');
  }

  /** Replaces the data; an invalid seed throws MockAdminError listing each wrong field. */
  loadSeed(seed: AdminRequestBody<'loadSeed'>): Promise<SandboxStatus> {
    return this.call('loadSeed', seed);
  }

  addFault(rule: FaultRuleRequest): Promise<FaultRule> {
    return this.call('addFault', rule);
  }

  async listFaults(): Promise<FaultRule[]> {
    return (await this.call('listFaults')).faults;
  }

  async clearFaults(): Promise<void> {
    await this.call('clearFaults');
  }

  clock(): Promise<ClockState> {
    return this.call('getClock');
  }

  advanceClock(deltaMs: number): Promise<ClockState> {
    return this.call('moveClock', { advanceMs: deltaMs });
  }

  setClock(moment: Date): Promise<ClockState> {
    return this.call('moveClock', { setTo: moment.toISOString() });
  }

  resetClock(): Promise<ClockState> {
    return this.call('moveClock', { reset: true });
  }

  journal(): Promise<Journal> {
    return this.call('readJournal');
  }

  async clearJournal(): Promise<void> {
    await this.call('clearJournal');
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

function hintFor(status: number): string {
  if (status === 403) {
    return 'Call the admin API with the admin identity (certs/mock-admin.crt and certs/mock-admin.key), not the client one.';
  }
  if (status === 400) return 'Fix the fields listed above and send it again; nothing was changed.';
  return 'See docs/sandbox.md for the admin API and its bodies.';
}
