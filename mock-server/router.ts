import type { OperationSpec } from '../lib/contract/operations.js';
import { Problem } from './problems.js';

export type RouteMatch = { operation: OperationSpec } | { problem: Problem };

/**
 * Routes built from the contract: the path table is the contract's, so a path the contract does not
 * have cannot be served by accident. All of the contract's paths are literal (no templates).
 */
export class Router {
  /** The match for each known path and method, made once: matching allocates nothing. */
  private readonly byPath = new Map<string, Map<string, { operation: OperationSpec }>>();
  private readonly knownRoutes: string[];

  constructor(operations: readonly OperationSpec[]) {
    for (const operation of operations) {
      const methods =
        this.byPath.get(operation.path) ?? new Map<string, { operation: OperationSpec }>();
      methods.set(operation.method.toUpperCase(), { operation });
      this.byPath.set(operation.path, methods);
    }
    this.knownRoutes = operations.map((op) => `${op.method.toUpperCase()} ${op.path}`);
  }

  match(method: string, url: string): RouteMatch {
    const path = stripQuery(url);
    const methods = this.byPath.get(path);
    if (!methods) return { problem: this.notFound(method, path) };
    const match = methods.get(method);
    if (match) return match;
    const allowed = [...methods.keys()];
    return {
      problem: new Problem(
        405,
        'MethodNotAllowed',
        `${method} is not supported on ${path}; use ${allowed.join(' or ')}`,
        [`method: allowed ${allowed.join(', ')}`],
        { allow: allowed.join(', ') },
      ),
    };
  }

  /** A 404 that says what exists, and the closest path when the caller made a typo. */
  private notFound(method: string, path: string): Problem {
    const suggestion = closestPath(path, [...this.byPath.keys()]);
    const title = suggestion
      ? `No operation at ${method} ${path}; did you mean ${suggestion}?`
      : `No operation at ${method} ${path}`;
    return new Problem(
      404,
      'NotFound',
      title,
      this.knownRoutes.map((route) => `available: ${route}`),
    );
  }
}

function stripQuery(url: string): string {
  const queryStart = url.indexOf('?');
  return queryStart === -1 ? url : url.slice(0, queryStart);
}

/** The known path within a small edit distance of `path`, if any. */
function closestPath(path: string, candidates: readonly string[]): string | undefined {
  const lowered = path.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(lowered, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= 4 ? best.candidate : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 4) return Number.POSITIVE_INFINITY;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
