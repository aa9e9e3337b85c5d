/** One request and its answer as the recorder saw them; bodies as text, headers lower-cased. */
export interface RecordedExchange {
  method: string;
  /** Path and query, e.g. `/v2/ads/getAds`. */
  path: string;
  requestHeaders: Readonly<Record<string, string | string[] | undefined>>;
  requestBody: string | undefined;
  status: number;
  responseHeaders: Readonly<Record<string, string | string[] | undefined>>;
  responseBody: string | undefined;
}

/** How the contract sees an exchange differ from what it declares. */
export type DriftKind =
  | 'undeclared-operation'
  | 'undeclared-status'
  | 'undeclared-content-type'
  | 'schema-violation'
  | 'unknown-field'
  | 'unknown-enum-value'
  | 'request-violation';

export interface DriftExample {
  /** e.g. `POST /v2/ads/getAds -> 200`. */
  exchange: string;
  requestId: string | undefined;
  /** The concrete field, e.g. `ads.1000001.reward.rewardType`. */
  field: string | undefined;
  /** A short, redacted rendering of the offending value. */
  value: string | undefined;
}

export interface DriftFinding {
  kind: DriftKind;
  /** The operationId, or `METHOD /path` when the contract has no such operation. */
  operation: string;
  status: number | undefined;
  /** The field with map keys as `*` and array indexes as `[]`, so findings group across ads. */
  field: string | undefined;
  detail: string;
  example: DriftExample;
}

/** Header value as one string (the first, when repeated). */
export function headerOf(
  headers: RecordedExchange['requestHeaders'],
  name: string,
): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
