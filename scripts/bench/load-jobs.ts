/** One request of a load run; autocannon cycles through the list on every connection. */
export interface LoadStep {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface LoadJob {
  url: string;
  certsDir: string;
  connections: number;
  durationSeconds: number;
  requests: LoadStep[];
}

export interface LoadResult {
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
}

export interface HandshakeJob {
  url: string;
  certsDir: string;
  path: string;
  parallel: number;
  maxConnections: number;
  maxSeconds: number;
}

export interface HandshakeResult {
  connections: number;
  failures: number;
  seconds: number;
  perSecond: number;
}
