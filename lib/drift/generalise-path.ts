import {
  resolvePointer,
  type JsonSchema,
  type OpenApiDocument,
} from '../contract/load-contract.js';
import { flatten } from '../contract/unknown-fields.js';

/**
 * Rewrites a concrete field path against the schema it was validated with: map keys become `*`
 * and array indexes `[]` (`ads.1000001.reward` -> `ads.*.reward`), so the same drift on
 * different ads counts as one finding.
 */
export function generalisePath(
  doc: OpenApiDocument,
  schemaPointer: string,
  tokens: readonly string[],
): string {
  let schema = resolvePointer(doc, schemaPointer) as JsonSchema | undefined;
  let path = '';
  const append = (segment: string): void => {
    path = segment.startsWith('[') || path === '' ? `${path}${segment}` : `${path}.${segment}`;
  };
  for (const token of tokens) {
    const branches = schema ? flatten(doc, schema) : [];
    const property = branches
      .map((branch) => (branch.properties as Record<string, JsonSchema> | undefined)?.[token])
      .find(Boolean);
    const items = branches.map((branch) => branch.items as JsonSchema | undefined).find(Boolean);
    const map = branches
      .map((branch) => branch.additionalProperties)
      .find((additional): additional is JsonSchema => typeof additional === 'object');
    if (property) {
      append(token);
      schema = property;
    } else if (items && /^\d+$/.test(token)) {
      append('[]');
      schema = items;
    } else if (map) {
      append('*');
      schema = map;
    } else {
      append(token);
      schema = undefined;
    }
  }
  return path || '(body)';
}

/** Splits a field path such as `ads[0].reward` (as findUnknownFields writes it) into tokens. */
export function fieldPathTokens(fieldPath: string): string[] {
  return fieldPath.match(/[^.[\]]+/g) ?? [];
}

/** Splits a JSON pointer such as `/ads/0/reward` (as ajv writes it) into tokens. */
export function pointerTokens(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}
