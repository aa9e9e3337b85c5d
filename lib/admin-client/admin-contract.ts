import { readFileSync } from 'node:fs';

import { parse } from 'yaml';

import { loadContract, type OpenApiDocument } from '../contract/load-contract.js';
import { ADMIN_CONTRACT_PATH } from '../paths.js';

/** How the admin document points into the contract (a relative file reference). */
const CONTRACT_REF_PREFIX = './publisher-v2.yaml#/';

let merged: OpenApiDocument | undefined;

/**
 * The admin API's OpenAPI document with the contract's schemas merged in: its references into
 * `publisher-v2.yaml` become local ones. The result is one self-contained document, so the kit's
 * own machinery (getContractValidators, findUnknownFields, listOperations) works on it unchanged,
 * and a seed is validated against exactly the contract's schemas.
 */
export function loadAdminContract(adminPath: string = ADMIN_CONTRACT_PATH): OpenApiDocument {
  if (merged && adminPath === ADMIN_CONTRACT_PATH) return merged;
  const admin = localiseRefs(parse(readFileSync(adminPath, 'utf8'))) as OpenApiDocument;
  const contract = loadContract();

  const schemas = { ...admin.components.schemas };
  for (const [name, schema] of Object.entries(contract.components.schemas)) {
    if (name in schemas) {
      throw new Error(
        `${adminPath} defines schema "${name}", which the contract defines too; rename it.`,
      );
    }
    schemas[name] = schema;
  }
  const document: OpenApiDocument = { ...admin, components: { ...admin.components, schemas } };
  if (adminPath === ADMIN_CONTRACT_PATH) merged = document;
  return document;
}

function localiseRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(localiseRefs);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith(CONTRACT_REF_PREFIX)
        ? `#/${value.slice(CONTRACT_REF_PREFIX.length)}`
        : localiseRefs(value),
    ]),
  );
}
