import {
  escapePointerToken,
  loadContract,
  resolvePointer,
  type OpenApiDocument,
} from './load-contract.js';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface ResponseSpec {
  /** JSON pointer (within the contract) to the application/json schema, if the response has one. */
  schemaPointer: string | undefined;
}

/** One operation of the contract, with everything routing and validation need. */
export interface OperationSpec {
  operationId: string;
  method: HttpMethod;
  path: string;
  /** Pointer to the request body's JSON schema; undefined when the operation takes no body. */
  requestSchemaPointer: string | undefined;
  requiresSessionToken: boolean;
  /** The token scope the operation needs (`x-cdlx-scope`), when it needs a token. */
  requiredScope: string | undefined;
  responses: Record<string, ResponseSpec>;
}

const JSON_MEDIA_TYPE = 'application/json';

const operationsByDoc = new WeakMap<OpenApiDocument, OperationSpec[]>();

/** Lists the contract's operations in document order (computed once per document). */
export function listOperations(doc: OpenApiDocument = loadContract()): OperationSpec[] {
  const cached = operationsByDoc.get(doc);
  if (cached) return cached;
  const operations: OperationSpec[] = [];
  for (const [path, pathItem] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method] as Record<string, unknown> | undefined;
      if (!operation) continue;
      const base = `#/paths/${escapePointerToken(path)}/${method}`;
      operations.push({
        operationId: String(operation.operationId),
        method,
        path,
        requestSchemaPointer: requestSchemaPointer(doc, operation, base),
        requiresSessionToken: requiresToken(doc, operation),
        requiredScope: operation['x-cdlx-scope'] as string | undefined,
        responses: responseSpecs(doc, operation, base),
      });
    }
  }
  operationsByDoc.set(doc, operations);
  return operations;
}

function requestSchemaPointer(
  doc: OpenApiDocument,
  operation: Record<string, unknown>,
  base: string,
): string | undefined {
  if (!operation.requestBody) return undefined;
  const { node, pointer } = follow(doc, operation.requestBody, `${base}/requestBody`);
  const content = (node as { content?: Record<string, unknown> }).content;
  return content?.[JSON_MEDIA_TYPE]
    ? `${pointer}/content/${escapePointerToken(JSON_MEDIA_TYPE)}/schema`
    : undefined;
}

function responseSpecs(
  doc: OpenApiDocument,
  operation: Record<string, unknown>,
  base: string,
): Record<string, ResponseSpec> {
  const responses = (operation.responses ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(responses).map(([status, response]) => {
      const { node, pointer } = follow(doc, response, `${base}/responses/${status}`);
      const content = (node as { content?: Record<string, unknown> }).content;
      const schemaPointer = content?.[JSON_MEDIA_TYPE]
        ? `${pointer}/content/${escapePointerToken(JSON_MEDIA_TYPE)}/schema`
        : undefined;
      return [status, { schemaPointer }];
    }),
  );
}

/** Follows a `$ref` (response or request-body object) and returns where it landed. */
function follow(
  doc: OpenApiDocument,
  node: unknown,
  pointer: string,
): { node: unknown; pointer: string } {
  const ref = (node as { $ref?: string }).$ref;
  return ref ? follow(doc, resolvePointer(doc, ref), ref) : { node, pointer };
}

function requiresToken(doc: OpenApiDocument, operation: Record<string, unknown>): boolean {
  const security = (operation.security ?? doc.security ?? []) as Record<string, unknown>[];
  return security.some((requirement) => 'sessionToken' in requirement);
}

/** Finds an operation by id; throws for an id the contract does not have. */
export function getOperation(
  operationId: string,
  doc: OpenApiDocument = loadContract(),
): OperationSpec {
  const found = listOperations(doc).find((operation) => operation.operationId === operationId);
  if (!found) throw new Error(`The contract has no operation "${operationId}".`);
  return found;
}
