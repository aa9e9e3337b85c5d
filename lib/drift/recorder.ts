import { readFile } from 'node:fs/promises';
import type { Server, Socket } from 'node:net';

import { getLocal, type CompletedRequest, type CompletedResponse, type Mockttp } from 'mockttp';

import { CdlxError } from '../errors.js';
import type { Target } from '../targets/target.js';
import { DriftLog } from './drift-log.js';

/** Bodies above this are not kept for analysis (mockttp still passes them through). */
const MAX_RECORDED_BODY_BYTES = 10 * 1024 * 1024;

export interface DriftRecorderOptions {
  target: Target;
  /** 0 lets the OS choose. */
  port: number;
  /** The CA that signs the recorder's own certificate towards clients (the local test CA). */
  proxyCa: { certPath: string; keyPath: string };
  /** Called after each exchange is analysed, e.g. for a progress line. */
  onExchange?: (log: DriftLog) => void;
}

export interface DriftRecorder {
  /** Plain HTTP on loopback, e.g. `http://127.0.0.1:8080`. */
  httpUrl: string;
  /** HTTPS on loopback, with a certificate from `proxyCa` for `localhost`. */
  httpsUrl: string;
  log: DriftLog;
  /** Stops accepting traffic and waits until every exchange seen is analysed. */
  stop(): Promise<void>;
}

/**
 * A recording proxy in front of a real target, built on mockttp: every request is passed through
 * to the target with the target's client certificate, and every exchange is handed to a DriftLog.
 * All the contract logic lives in the DriftLog; this file only wires mockttp.
 */
export async function startDriftRecorder(options: DriftRecorderOptions): Promise<DriftRecorder> {
  const { target } = options;
  const proxy = getLocal({
    https: { ...options.proxyCa, defaultDomain: 'localhost' },
    http2: false,
    cors: false,
    recordTraffic: false,
    suggestChanges: false,
    maxBodySize: MAX_RECORDED_BODY_BYTES,
  });
  await proxy.start(options.port);
  try {
    restrictToLoopback(proxy);
    await proxy.forAnyRequest().thenForwardTo(target.baseURL, {
      clientCertificateHostMap: {
        [new URL(target.baseURL).hostname]: await upstreamIdentity(target),
      },
      ...(target.extraCaPaths.length > 0
        ? { additionalTrustedCAs: target.extraCaPaths.map((certPath) => ({ certPath })) }
        : {}),
    });
  } catch (error) {
    await proxy.stop();
    throw error;
  }

  const log = new DriftLog();
  const requests = new Map<string, CompletedRequest>();
  const analyses: Promise<void>[] = [];
  await proxy.on('request', (request) => {
    requests.set(request.id, request);
  });
  await proxy.on('response', (response) => {
    const request = requests.get(response.id);
    requests.delete(response.id);
    if (!request) return;
    analyses.push(record(log, request, response).then(() => options.onExchange?.(log)));
  });
  // A request the client gave up on has no answer to compare.
  await proxy.on('abort', (request) => {
    requests.delete(request.id);
  });

  return {
    httpUrl: `http://127.0.0.1:${proxy.port}`,
    httpsUrl: `https://localhost:${proxy.port}`,
    log,
    stop: async () => {
      await proxy.stop();
      await Promise.all(analyses);
    },
  };
}

async function record(
  log: DriftLog,
  request: CompletedRequest,
  response: CompletedResponse,
): Promise<void> {
  // mockttp answers 502 itself when the target cannot be reached: that is not the API's drift.
  const upstreamError = response.tags.find((tag) => tag.startsWith('passthrough-error:'));
  if (upstreamError) {
    log.addUpstreamError(
      `${request.method} ${request.path}: ${upstreamError.slice('passthrough-error:'.length)}`,
    );
    return;
  }
  const [requestBody, responseBody] = await Promise.all([
    request.body.getText(),
    response.body.getText(),
  ]);
  log.add({
    method: request.method,
    path: request.path,
    requestHeaders: request.headers,
    requestBody,
    status: response.statusCode,
    responseHeaders: response.headers,
    responseBody,
  });
}

/**
 * mockttp always listens on every interface (https://github.com/httptoolkit/mockttp/issues/182),
 * and this proxy carries the publisher's client certificate: anyone who reaches it calls the
 * real API as the publisher. So every connection that is not from this machine is dropped at
 * once, through the server mockttp keeps internally. If a mockttp release renames that field,
 * the recorder refuses to run rather than run exposed.
 */
function restrictToLoopback(proxy: Mockttp): void {
  const server = (proxy as unknown as { server?: Server }).server;
  if (!server || typeof server.prependListener !== 'function') {
    throw new CdlxError(
      'CDLX_RECORDER_EXPOSED',
      'Cannot restrict the recording proxy to this machine: the installed mockttp keeps its server elsewhere.',
      { hint: 'Install the mockttp version in package-lock.json (`npm ci`) and run again.' },
    );
  }
  server.prependListener('connection', (socket: Socket) => {
    if (!isLoopback(socket.remoteAddress)) socket.destroy();
  });
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const mapped = address.startsWith('::ffff:') ? address.slice(7) : address;
  return mapped === '::1' || mapped.startsWith('127.');
}

/**
 * The client identity mockttp presents upstream. Its type asks for a PKCS#12 file, but it spreads
 * the entry into Node's TLS options (its own doc comment says `{ key, cert }` works), so a PEM
 * identity is passed as such instead of being converted.
 */
async function upstreamIdentity(target: Target): Promise<{ pfx: Buffer; passphrase?: string }> {
  const { identity } = target;
  if (identity.kind === 'pfx') {
    return { pfx: await readFile(identity.pfxPath), passphrase: identity.passphrase };
  }
  const [cert, key] = await Promise.all([
    readFile(identity.certPath, 'utf8'),
    readFile(identity.keyPath, 'utf8'),
  ]);
  return { cert, key } as unknown as { pfx: Buffer };
}
