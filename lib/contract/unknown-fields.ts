import {
  loadContract,
  resolvePointer,
  type JsonSchema,
  type OpenApiDocument,
} from './load-contract.js';
import { toFieldPath } from './format-errors.js';

/**
 * Lists the fields of `value` that the schema at `pointer` does not declare.
 *
 * The contract is deliberately open (no `additionalProperties: false`) so that specs keep passing
 * when the real API adds a field. This walk is the strict counterpart: the mock runs it on its own
 * answers (a misspelt field is a mock bug) and the drift recorder runs it on real traffic.
 */
export function findUnknownFields(
  pointer: string,
  value: unknown,
  doc: OpenApiDocument = loadContract(),
): string[] {
  const found: string[] = [];
  walk(doc, resolvePointer(doc, pointer) as JsonSchema | undefined, value, '', found);
  return found.map((instancePath) => toFieldPath(instancePath, value));
}

function walk(
  doc: OpenApiDocument,
  schema: JsonSchema | undefined,
  value: unknown,
  instancePath: string,
  found: string[],
): void {
  if (!schema || value === null || typeof value !== 'object') return;
  const branches = flatten(doc, schema);

  if (Array.isArray(value)) {
    const items = branches.map((branch) => branch.items as JsonSchema | undefined).find(Boolean);
    value.forEach((item, index) => walk(doc, items, item, `${instancePath}/${index}`, found));
    return;
  }

  const declared = new Map<string, JsonSchema>();
  let mapSchema: JsonSchema | undefined;
  let isOpenMap = false;
  for (const branch of branches) {
    for (const [name, sub] of Object.entries(
      (branch.properties ?? {}) as Record<string, JsonSchema>,
    )) {
      declared.set(name, sub);
    }
    const additional = branch.additionalProperties;
    if (additional && typeof additional === 'object') mapSchema = additional as JsonSchema;
    if (additional === true) isOpenMap = true;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const childPath = `${instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const sub = declared.get(key) ?? mapSchema;
    if (sub) walk(doc, sub, child, childPath, found);
    else if (!isOpenMap) found.push(childPath);
  }
}

/** Resolves `$ref` and merges `allOf`/`anyOf`/`oneOf` branches into a flat list of schemas. */
export function flatten(doc: OpenApiDocument, schema: JsonSchema, depth = 0): JsonSchema[] {
  if (depth > 32) return [];
  const ref = schema.$ref as string | undefined;
  const resolved = ref ? flatten(doc, resolvePointer(doc, ref) as JsonSchema, depth + 1) : [];
  const nested = ['allOf', 'anyOf', 'oneOf'].flatMap((keyword) =>
    ((schema[keyword] ?? []) as JsonSchema[]).flatMap((sub) => flatten(doc, sub, depth + 1)),
  );
  return [schema, ...resolved, ...nested];
}
