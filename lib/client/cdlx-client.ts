import type { APIRequestContext, APIResponse } from '@playwright/test';

import { getOperation } from '../contract/operations.js';
import type { OperationId, RequestBody, Schema, SuccessBody } from '../contract/types.js';

export const SESSION_TOKEN_HEADER = 'X-CDLX-Session-Token';
export const REQUEST_ID_HEADER = 'X-CDLX-Request-Id';

export interface CallOptions<Id extends OperationId> {
  body?: RequestBody<Id>;
  sessionToken?: string;
  requestId?: string;
  /** Extra or overriding headers, e.g. a wrong Content-Type in a negative test. */
  headers?: Record<string, string>;
  /** Raw payload instead of `body`, for malformed-input tests. */
  rawBody?: string | Buffer;
}

/** A response tied to the operation that produced it, so it can be checked against the contract. */
export interface ContractResponse<Id extends OperationId = OperationId> {
  operationId: Id;
  status: number;
  headers: Record<string, string>;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
  raw: APIResponse;
}

/**
 * The typed client every spec goes through. Method and path come from the contract by
 * operationId, and bodies are typed by the generated types, so the same spec runs unchanged
 * against the mock, pre-prod and prod: only the request context (base URL, identity) differs.
 */
export class CdlxClient {
  constructor(private readonly request: APIRequestContext) {}

  async call<Id extends OperationId>(
    operationId: Id,
    options: CallOptions<Id> = {},
  ): Promise<ContractResponse<Id>> {
    const operation = getOperation(operationId);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.sessionToken !== undefined) headers[SESSION_TOKEN_HEADER] = options.sessionToken;
    if (options.requestId !== undefined) headers[REQUEST_ID_HEADER] = options.requestId;
    const payload =
      options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (payload !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, options.headers);

    const raw = await this.request.fetch(operation.path, {
      method: operation.method.toUpperCase(),
      headers,
      // A Buffer is sent byte for byte; Playwright would JSON-encode a string that is not JSON.
      ...(payload === undefined ? {} : { data: Buffer.from(payload) }),
      // Specs look at error statuses on purpose; never throw on them.
      failOnStatusCode: false,
      maxRedirects: 1,
    });
    return {
      operationId,
      status: raw.status(),
      headers: raw.headers(),
      body: await parseBody(raw),
      raw,
    };
  }

  /** Sends a request to any path and method, for routing tests outside the contract. */
  async raw(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; data?: string } = {},
  ): Promise<APIResponse> {
    return this.request.fetch(path, { method, failOnStatusCode: false, ...options });
  }

  /** startSession for one customer; returns the session token or throws with the answer. */
  async startCustomerSession(sourceCustomerId: string): Promise<string> {
    return this.startSession({ sourceCustomerId, scopes: ['api:customer'] });
  }

  async startInstitutionSession(): Promise<string> {
    return this.startSession({ scopes: ['api:institution'] });
  }

  private async startSession(body: RequestBody<'startSession'>): Promise<string> {
    const response = await this.call('startSession', { body });
    if (response.status !== 200) {
      throw new Error(`startSession answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return (response.body as SuccessBody<'startSession'>).sessionToken;
  }

  /** getAds as the customer of `sessionToken`; throws unless the answer is 200. */
  async getAds(sessionToken: string, body: RequestBody<'getAds'>): Promise<SuccessBody<'getAds'>> {
    const response = await this.call('getAds', { body, sessionToken });
    if (response.status !== 200) {
      throw new Error(`getAds answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body as SuccessBody<'getAds'>;
  }
}

export type Ad = Schema<'Ad'>;

async function parseBody(response: APIResponse): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
