import { CdlxClient, type CallOptions, type ContractResponse } from '../client/cdlx-client.js';
import type { OperationId } from '../contract/types.js';
import { registerSecret } from './secret-registry.js';

/**
 * The typed client, plus one duty: every session token a startSession answer carries is
 * registered as a secret before the spec sees it, so the redacting reporter can scrub it from
 * every report of the run, whatever form a failure message prints it in.
 */
export class TokenRegisteringClient extends CdlxClient {
  override async call<Id extends OperationId>(
    operationId: Id,
    options: CallOptions<Id> = {},
  ): Promise<ContractResponse<Id>> {
    const response = await super.call(operationId, options);
    const token = (response.body as { sessionToken?: unknown } | undefined)?.sessionToken;
    if (typeof token === 'string') registerSecret(token);
    return response;
  }
}
