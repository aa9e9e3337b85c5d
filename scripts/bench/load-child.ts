import { readFileSync } from 'node:fs';
import { Agent, request as httpsRequest } from 'node:https';
import type { SecureContext } from 'node:tls';

import autocannon from 'autocannon';

import { localPkiPaths } from '../../lib/pki/local-pki.js';
import { serveParent, type ChildRequest } from './child-process.js';
import { clientContext } from './client-identity.js';
import type { HandshakeJob, HandshakeResult, LoadJob, LoadResult } from './load-jobs.js';
import { percentile } from './stats.js';

/**
 * The load generator, in its own pinned process so that it never takes CPU from the server it
 * measures. It presents the local client certificate through one TLS context built once.
 */

let secureContext: SecureContext | undefined;

function identity(certsDir: string): SecureContext {
  secureContext ??= clientContext(certsDir);
  return secureContext;
}

/**
 * A fixed-duration autocannon run over keep-alive connections. autocannon deep-clones its options
 * per connection, so the identity goes in as PEM text (a cloned SecureContext crashes the
 * process); that costs one context per connection, made once at the start of the run.
 * Latencies are taken from each response (fractions of a millisecond) rather than from
 * autocannon's histogram, which keeps whole milliseconds only.
 */
async function runLoad(job: LoadJob): Promise<LoadResult> {
  const paths = localPkiPaths(job.certsDir);
  const latenciesMs: number[] = [];
  let finish: (error: unknown, result: autocannon.Result) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (error, result) =>
      error ? reject(new Error('autocannon failed', { cause: error })) : resolve(result);
  });
  const instance = autocannon(
    {
      url: job.url,
      connections: job.connections,
      duration: job.durationSeconds,
      // autocannon stops only at the end of a sample interval (1 s by default), so a run shorter
      // than a second would last a full one.
      sampleInt: 100,
      requests: job.requests.map((step) => ({
        method: step.method,
        path: step.path,
        headers: step.headers,
        ...(step.body === undefined ? {} : { body: step.body }),
      })),
      tlsOptions: {
        cert: readFileSync(paths.client.certPath, 'utf8'),
        key: readFileSync(paths.client.keyPath, 'utf8'),
      },
    },
    (error, result) => finish(error, result),
  );
  instance.on('response', (_client, _statusCode, _bytes, responseTimeMs: number) => {
    latenciesMs.push(responseTimeMs);
  });
  const result = await done;
  return {
    requests: result.requests.total,
    durationSeconds: result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    latencyP50Ms: percentile(latenciesMs, 50),
    latencyP99Ms: percentile(latenciesMs, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * Fresh TLS connections, each sending one request and closing, `parallel` at a time, until
 * `maxConnections` or `maxSeconds` is reached. The agent keeps no socket alive and caches no TLS
 * session, so every connection is a full handshake, never a resumption.
 */
async function runHandshakes(job: HandshakeJob): Promise<HandshakeResult> {
  const url = new URL(job.url);
  const agent = new Agent({
    secureContext: identity(job.certsDir),
    keepAlive: false,
    maxCachedSessions: 0,
  });
  const startedMs = performance.now();
  const deadlineMs = startedMs + job.maxSeconds * 1000;
  let completed = 0;
  let failures = 0;
  let started = 0;

  const once = (): Promise<void> =>
    new Promise((resolve) => {
      const request = httpsRequest(
        {
          host: url.hostname,
          port: url.port,
          path: job.path,
          method: 'GET',
          agent,
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            if (response.statusCode === 200) completed++;
            else failures++;
            resolve();
          });
        },
      );
      request.on('error', () => {
        failures++;
        resolve();
      });
      request.end();
    });

  const worker = async (): Promise<void> => {
    while (started < job.maxConnections && performance.now() < deadlineMs) {
      started++;
      await once();
    }
  };
  await Promise.all(Array.from({ length: job.parallel }, worker));
  agent.destroy();
  const seconds = (performance.now() - startedMs) / 1000;
  return { connections: completed, failures, seconds, perSecond: completed / seconds };
}

serveParent(
  (message: ChildRequest) => {
    switch (message.type) {
      case 'load':
        return runLoad(message.job as LoadJob);
      case 'handshakes':
        return runHandshakes(message.job as HandshakeJob);
      default:
        return Promise.reject(new Error(`unknown request ${message.type}`));
    }
  },
  () => Promise.resolve(),
);
