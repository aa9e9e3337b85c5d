import { readFileSync } from 'node:fs';

import { parse } from 'yaml';

import { CONTRACT_PATH } from '../paths.js';

/** The parts of an OpenAPI 3.1 document the kit reads. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, unknown>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses?: Record<string, unknown>;
    parameters?: Record<string, unknown>;
    headers?: Record<string, unknown>;
    securitySchemes?: Record<string, unknown>;
  };
  security?: Record<string, string[]>[];
}

export type JsonSchema = Record<string, unknown>;

const cache = new Map<string, OpenApiDocument>();

/** Reads and parses the contract once per process. */
export function loadContract(contractPath: string = CONTRACT_PATH): OpenApiDocument {
  const cached = cache.get(contractPath);
  if (cached) return cached;
  const doc = parse(readFileSync(contractPath, 'utf8')) as OpenApiDocument;
  cache.set(contractPath, doc);
  return doc;
}

/** Follows a local `#/a/b` reference inside the document. */
export function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`Only local references are supported, got ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, token) => (node as Record<string, unknown> | undefined)?.[token], doc);
}

/** Escapes one token of a JSON pointer (RFC 6901). */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
