/**
 * Short names for the generated types of the mock's admin API (openapi/mock-admin.yaml), as
 * lib/contract/types.ts gives them for the contract. No field is restated by hand.
 */
import type { components, operations } from '../../openapi/generated/mock-admin.js';

export type AdminSchemaName = keyof components['schemas'];
export type AdminSchema<Name extends AdminSchemaName> = components['schemas'][Name];

export type AdminOperationId = keyof operations;

type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON request body of an admin operation (`never` when it takes none). */
export type AdminRequestBody<Id extends AdminOperationId> = operations[Id] extends {
  requestBody: infer Body;
}
  ? JsonContent<Body>
  : never;

/** The JSON body of an admin operation's 200 answer. */
export type AdminSuccessBody<Id extends AdminOperationId> =
  200 extends keyof operations[Id]['responses']
    ? JsonContent<operations[Id]['responses'][200]>
    : never;

export type FaultRuleRequest = AdminSchema<'FaultRuleRequest'>;
export type FaultRule = AdminSchema<'FaultRule'>;
export type FaultKind = AdminSchema<'FaultKind'>;
export type JournalEntry = AdminSchema<'JournalEntry'>;
export type Journal = AdminSchema<'Journal'>;
export type ClockState = AdminSchema<'ClockState'>;
export type ClockMove = AdminSchema<'ClockMove'>;
export type SandboxStatus = AdminSchema<'SandboxStatus'>;
