import type { ErrorObject } from 'ajv';

import { formatValidationErrors, toFieldPath } from '../contract/format-errors.js';
import { loadContract, type OpenApiDocument } from '../contract/load-contract.js';
import { listOperations, type OperationSpec } from '../contract/operations.js';
import { findUnknownFields } from '../contract/unknown-fields.js';
import { getContractValidators, type ContractValidators } from '../contract/validators.js';
import {
  headerOf,
  type DriftExample,
  type DriftFinding,
  type DriftKind,
  type RecordedExchange,
} from './exchange.js';
import { fieldPathTokens, generalisePath, pointerTokens } from './generalise-path.js';
import { preview, Redactor } from './redact.js';

const JSON_MEDIA_TYPE = 'application/json';
/** ajv keywords that mean "a value the contract does not list". */
const ENUM_KEYWORDS = new Set(['enum', 'const']);

/**
 * Compares exchanges with the contract: the core of the drift recorder, with no network in it.
 * Each exchange gives zero or more findings: an operation, status or content type the contract
 * does not declare, a response that breaks its schema, fields it does not know, enum values it
 * does not list, and request bodies that break it.
 */
export class DriftFinder {
  readonly redactor = new Redactor();
  private readonly routes = new Map<string, OperationSpec>();

  constructor(
    private readonly doc: OpenApiDocument = loadContract(),
    private readonly validators: ContractValidators = getContractValidators(doc),
  ) {
    for (const operation of listOperations(doc)) {
      this.routes.set(`${operation.method.toUpperCase()} ${operation.path}`, operation);
    }
  }

  /** The operationId an exchange routes to, or `METHOD /path` when the contract has none. */
  operationIdOf(exchange: RecordedExchange): string {
    return this.route(exchange)?.operationId ?? routeKey(exchange);
  }

  find(exchange: RecordedExchange): DriftFinding[] {
    const operation = this.route(exchange);
    const requestBody = parseJson(exchange.requestBody);
    const responseBody = parseJson(exchange.responseBody);
    this.rememberSecrets(exchange, responseBody.value);
    const context: FindingContext = {
      exchange,
      operation: operation?.operationId ?? routeKey(exchange),
      requestId:
        headerOf(exchange.requestHeaders, 'x-cdlx-request-id') ?? requestIdOf(responseBody.value),
    };
    if (!operation) {
      return [this.finding(context, 'undeclared-operation', 'the contract has no such operation')];
    }
    return [
      ...this.requestFindings(context, operation, requestBody),
      ...this.responseFindings(context, operation, responseBody),
    ];
  }

  private route(exchange: RecordedExchange): OperationSpec | undefined {
    return this.routes.get(routeKey(exchange));
  }

  private requestFindings(
    context: FindingContext,
    operation: OperationSpec,
    body: ParsedBody,
  ): DriftFinding[] {
    if (!operation.requestSchemaPointer || body.value === undefined) return [];
    const validate = this.validators.requestValidator(operation.operationId)!;
    if (validate(body.value)) return [];
    return groupByPath(validate.errors ?? []).map((group) =>
      this.schemaFinding(
        context,
        'request-violation',
        operation.requestSchemaPointer!,
        group,
        body.value,
      ),
    );
  }

  private responseFindings(
    context: FindingContext,
    operation: OperationSpec,
    body: ParsedBody,
  ): DriftFinding[] {
    const { status } = context.exchange;
    const declared =
      operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`];
    if (!declared) {
      return [
        this.finding(
          context,
          'undeclared-status',
          `${status} is not declared for ${operation.operationId}`,
        ),
      ];
    }
    const contentType = headerOf(context.exchange.responseHeaders, 'content-type');
    const mediaType = contentType?.split(';', 1)[0]!.trim().toLowerCase();
    const hasBody = Boolean(context.exchange.responseBody);
    if (!declared.schemaPointer) {
      return hasBody
        ? [
            this.finding(
              context,
              'undeclared-content-type',
              `the contract declares no body for ${status}, got ${contentType ?? 'no content type'}`,
            ),
          ]
        : [];
    }
    if (mediaType !== JSON_MEDIA_TYPE) {
      return [
        this.finding(
          context,
          'undeclared-content-type',
          `${contentType ?? 'no content type'} is not declared for ${status} (the contract declares ${JSON_MEDIA_TYPE})`,
        ),
      ];
    }
    if (body.invalid) {
      return [
        this.finding(context, 'schema-violation', `the body is not valid JSON: ${body.invalid}`),
      ];
    }

    const findings: DriftFinding[] = [];
    const validate = this.validators.responseValidator(operation.operationId, status)!;
    if (!validate(body.value)) {
      for (const group of groupByPath(validate.errors ?? [])) {
        findings.push(
          this.schemaFinding(
            context,
            'schema-violation',
            declared.schemaPointer,
            group,
            body.value,
          ),
        );
      }
    }
    for (const field of findUnknownFields(declared.schemaPointer, body.value, this.doc)) {
      const tokens = fieldPathTokens(field);
      const lastToken = tokens.at(-1);
      findings.push(
        this.finding(context, 'unknown-field', 'the contract does not declare this field', {
          field: generalisePath(this.doc, declared.schemaPointer, tokens),
          concreteField: field,
          value: this.show(valueAt(body.value, tokens), lastToken),
        }),
      );
    }
    return findings;
  }

  /** One finding for the ajv errors at one instance path; an enum miss wins over its echoes. */
  private schemaFinding(
    context: FindingContext,
    kind: 'schema-violation' | 'request-violation',
    schemaPointer: string,
    group: ErrorGroup,
    body: unknown,
  ): DriftFinding {
    const enumError = group.errors.find((error) => ENUM_KEYWORDS.has(error.keyword));
    const shown = enumError ? [enumError] : group.errors;
    const tokens = pointerTokens(group.path);
    const value = valueAt(body, tokens);
    const message = formatValidationErrors(shown, { data: body })
      .map((line) => line.slice(line.indexOf(': ') + 2))
      .join('; ');
    const isNewEnumValue = enumError !== undefined && kind === 'schema-violation';
    return this.finding(
      context,
      isNewEnumValue ? 'unknown-enum-value' : kind,
      isNewEnumValue
        ? `${preview(this.redactor.redact(value, tokens.at(-1)))}: ${message}`
        : message,
      {
        field: generalisePath(this.doc, schemaPointer, tokens),
        concreteField: toFieldPath(group.path, body),
        value: this.show(value, tokens.at(-1)),
      },
    );
  }

  private finding(
    context: FindingContext,
    kind: DriftKind,
    detail: string,
    at: { field: string; concreteField: string; value: string } | undefined = undefined,
  ): DriftFinding {
    const { exchange } = context;
    const example: DriftExample = {
      exchange: `${routeKey(exchange)} -> ${exchange.status}`,
      requestId: context.requestId,
      field: at?.concreteField,
      value: at?.value,
    };
    return {
      kind,
      operation: context.operation,
      status: kind === 'request-violation' ? undefined : exchange.status,
      field: at?.field,
      detail: this.redactor.redactText(detail),
      example,
    };
  }

  private show(value: unknown, name: string | undefined): string {
    return preview(this.redactor.redact(value, name));
  }

  /** Session tokens going by are remembered, so no report repeats one, wherever it shows up. */
  private rememberSecrets(exchange: RecordedExchange, responseBody: unknown): void {
    this.redactor.addSecret(headerOf(exchange.requestHeaders, 'x-cdlx-session-token'));
    const sessionToken = (responseBody as { sessionToken?: unknown } | undefined)?.sessionToken;
    if (typeof sessionToken === 'string') this.redactor.addSecret(sessionToken);
  }
}

function routeKey(exchange: RecordedExchange): string {
  return `${exchange.method.toUpperCase()} ${exchange.path.split('?', 1)[0]}`;
}

interface FindingContext {
  exchange: RecordedExchange;
  operation: string;
  requestId: string | undefined;
}

interface ParsedBody {
  value: unknown;
  invalid: string | undefined;
}

function parseJson(text: string | undefined): ParsedBody {
  if (text === undefined || text === '') return { value: undefined, invalid: undefined };
  try {
    return { value: JSON.parse(text) as unknown, invalid: undefined };
  } catch (error) {
    return { value: undefined, invalid: (error as Error).message };
  }
}

function requestIdOf(body: unknown): string | undefined {
  const requestId = (body as { requestId?: unknown } | undefined)?.requestId;
  return typeof requestId === 'string' ? requestId : undefined;
}

interface ErrorGroup {
  /** The instance path the errors are about (a missing property's own path for `required`). */
  path: string;
  errors: ErrorObject[];
}

/** ajv's errors per instance path, without the composite keywords that only echo the others. */
function groupByPath(errors: readonly ErrorObject[]): ErrorGroup[] {
  const groups = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    if (['anyOf', 'oneOf', 'allOf', 'if', '$ref'].includes(error.keyword)) continue;
    const path =
      error.keyword === 'required'
        ? `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}`
        : error.instancePath;
    groups.set(path, [...(groups.get(path) ?? []), error]);
  }
  return [...groups].map(([path, grouped]) => ({ path, errors: grouped }));
}

function valueAt(body: unknown, tokens: readonly string[]): unknown {
  return tokens.reduce<unknown>(
    (node, token) => (node as Record<string, unknown> | undefined)?.[token],
    body,
  );
}
