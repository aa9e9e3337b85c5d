import type {
  AdminOperationId,
  AdminRequestBody,
  AdminSuccessBody,
} from '../../lib/admin-client/admin-types.js';
import type { OpenApiDocument } from '../../lib/contract/load-contract.js';
import { validationProblem } from '../problems.js';
import type { Sandbox } from '../sandbox.js';
import { checkSeed } from './check-seed.js';

export interface AdminContext<Id extends AdminOperationId> {
  /** The body, already validated against openapi/mock-admin.yaml. */
  body: AdminRequestBody<Id>;
  sandbox: Sandbox;
  adminContract: OpenApiDocument;
}

type AdminHandler<Id extends AdminOperationId> = (
  context: AdminContext<Id>,
) => AdminSuccessBody<Id>;

/** One handler per operation of openapi/mock-admin.yaml; the mapped type makes a missing one a compile error. */
export const ADMIN_HANDLERS: { [Id in AdminOperationId]: AdminHandler<Id> } = {
  getSandboxStatus: ({ sandbox }) => sandbox.status(),

  resetSandbox: ({ sandbox }) => {
    sandbox.reset();
    return sandbox.status();
  },

  loadSeed: ({ body, sandbox, adminContract }) => {
    const errors = checkSeed(body, adminContract);
    if (errors.length > 0)
      throw validationProblem(errors, 'The seed is not valid; nothing was changed');
    sandbox.loadSeed(body);
    return sandbox.status();
  },

  listFaults: ({ sandbox }) => ({ faults: sandbox.faults.list() }),

  addFault: ({ body, sandbox }) => sandbox.faults.add(body),

  clearFaults: ({ sandbox }) => {
    sandbox.faults.clear();
    return { faults: [] };
  },

  getClock: ({ sandbox }) => sandbox.clock.describe(),

  moveClock: ({ body, sandbox }) => {
    const { clock } = sandbox;
    if (body.advanceMs !== undefined) clock.advance(body.advanceMs);
    else if (body.setTo !== undefined) clock.setTo(Date.parse(body.setTo));
    else clock.reset();
    return clock.describe();
  },

  readJournal: ({ sandbox }) => sandbox.journal.read(),

  clearJournal: ({ sandbox }) => {
    sandbox.journal.clear();
    return sandbox.journal.read();
  },
};
