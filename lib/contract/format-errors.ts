import type { ErrorObject } from 'ajv';

/**
 * Turns ajv's errors into one short line per field, e.g. `channel: is required` or
 * `clientEvents[0].clientEventType: must be one of AdImpression, AdInteraction`. These lines are
 * the `validationErrors` of a 400 and the body of a failed schema assertion.
 */
export function formatValidationErrors(
  errors: readonly ErrorObject[] | null | undefined,
  options: { withSchemaPath?: boolean; data?: unknown } = {},
): string[] {
  if (!errors) return [];
  const lines = errors
    .filter((error) => !COMPOSITE_KEYWORDS.has(error.keyword))
    .map((error) => {
      const line = `${fieldPath(error, options.data)}: ${describe(error)}`;
      return options.withSchemaPath ? `${line} (schema ${error.schemaPath})` : line;
    });
  return [...new Set(lines)];
}

/** Keywords whose failure only repeats what their sub-schemas already said. */
const COMPOSITE_KEYWORDS = new Set(['if', 'anyOf', 'oneOf', 'allOf', '$ref']);

/**
 * Converts `/clientEvents/0/clientEventType` to `clientEvents[0].clientEventType`. With the
 * validated data at hand, a numeric key of an object (such as an ad id in the `ads` map) is told
 * apart from an array index; without it, numeric tokens are taken as indexes.
 */
export function toFieldPath(instancePath: string, data?: unknown): string {
  if (instancePath === '') return '(body)';
  let node = data;
  let path = '';
  for (const raw of instancePath.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const isIndex = data === undefined ? /^\d+$/.test(token) : Array.isArray(node);
    path = isIndex ? `${path}[${token}]` : path ? `${path}.${token}` : token;
    node = (node as Record<string, unknown> | undefined)?.[token];
  }
  return path;
}

function fieldPath(error: ErrorObject, data: unknown): string {
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  const path =
    error.keyword === 'required' && missing
      ? `${error.instancePath}/${missing}`
      : error.instancePath;
  return toFieldPath(path, data);
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'type':
      return `must be ${String(params.type)}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)}`;
    default:
      return error.message ?? error.keyword;
  }
}
