/**
 * Short names for the generated contract types, e.g. `Schema<'Ad'>`, `RequestBody<'getAds'>`.
 * Everything here derives from openapi/generated/publisher-v2.ts: no field is restated by hand.
 */
import type { components, operations } from '../../openapi/generated/publisher-v2.js';

export type { components, operations, paths } from '../../openapi/generated/publisher-v2.js';

export type SchemaName = keyof components['schemas'];
export type Schema<Name extends SchemaName> = components['schemas'][Name];

export type OperationId = keyof operations;

type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON request body of an operation (`never` when it takes none). */
export type RequestBody<Id extends OperationId> = operations[Id] extends {
  requestBody: infer Body;
}
  ? JsonContent<Body>
  : never;

/** The JSON body of an operation's response for one status code. */
export type ResponseBody<
  Id extends OperationId,
  Status extends keyof operations[Id]['responses'],
> = JsonContent<operations[Id]['responses'][Status]>;

export type SuccessBody<Id extends OperationId> = 200 extends keyof operations[Id]['responses']
  ? ResponseBody<Id, 200>
  : never;
