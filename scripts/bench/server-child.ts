import { readFile } from 'node:fs/promises';
import type { Server } from 'node:https';

import { startLocalMock } from '../../mock-server/local-mock.js';
import { localPkiPaths } from '../../lib/pki/local-pki.js';
import { startBaselineServer } from './baseline-server.js';
import { serveParent, type ChildRequest } from './child-process.js';

/**
 * One server of the benchmark, in its own pinned process: the mock or the bare baseline. It counts
 * the requests it answers and reports its own CPU time, so the parent can divide one by the other.
 */

/** The child's counters at one moment. */
export interface UsageCounters {
  cpuMicros: number;
  requests: number;
  connections: number;
}

/** What the parent reads between two load runs. */
export interface ServerUsage extends UsageCounters {
  /**
   * The counters at the moment the connections announced by the previous `usage` request
   * (`connectionsAhead`) had all finished their handshake, if they did: from there on the run is
   * keep-alive requests only, so a short run's per-request cost is not its handshakes'.
   */
  allConnected?: UsageCounters | undefined;
}

let server: Server | undefined;
let close: (() => Promise<void>) | undefined;
let requests = 0;
let connections = 0;
/** Armed by a `usage` request that announces a run's connections; see ServerUsage. */
let connectedMark: { connections: number; counters: UsageCounters | undefined } | undefined;

async function start(message: ChildRequest): Promise<{ port: number }> {
  const certsDir = String(message.certsDir);
  if (message.kind === 'mock') {
    const mock = await startLocalMock({ certsDir });
    server = mock.server;
    close = () => mock.close();
    track(server);
    return { port: mock.port };
  }
  const paths = localPkiPaths(certsDir);
  const [certPem, keyPem, clientCaPem, clientCrlPem] = await Promise.all([
    readFile(paths.server.certPath, 'utf8'),
    readFile(paths.server.keyPath, 'utf8'),
    readFile(paths.ca.certPath, 'utf8'),
    readFile(paths.crlPath, 'utf8'),
  ]);
  const bodies = message.bodies as Record<string, string>;
  const tls = { certPem, keyPem, clientCaPem, clientCrlPem };
  const baseline = await startBaselineServer(tls, bodies);
  server = baseline.server;
  close = () =>
    new Promise((resolve) => {
      baseline.server.close(() => resolve());
      baseline.server.closeAllConnections();
    });
  track(server);
  return { port: baseline.port };
}

/** Counts answered requests and completed TLS handshakes, the two units costs are divided by. */
function track(target: Server): void {
  target.on('request', () => requests++);
  target.on('secureConnection', () => {
    connections++;
    if (connectedMark && !connectedMark.counters && connections >= connectedMark.connections) {
      connectedMark.counters = counters();
    }
  });
}

function counters(): UsageCounters {
  const { user, system } = process.cpuUsage();
  return { cpuMicros: user + system, requests, connections };
}

/** The counters now, with the mark of the run just ended; arms a new mark if asked. */
function usage(connectionsAhead: unknown): ServerUsage {
  const now: ServerUsage = { ...counters(), allConnected: connectedMark?.counters };
  connectedMark =
    typeof connectionsAhead === 'number'
      ? { connections: connections + connectionsAhead, counters: undefined }
      : undefined;
  return now;
}

/** Heap in use after a full collection (the child runs with --expose-gc). */
function heapAfterGc(): { heapUsedBytes: number } {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('the server child needs node --expose-gc');
  collect();
  collect();
  return { heapUsedBytes: process.memoryUsage().heapUsed };
}

serveParent(
  (message) => {
    switch (message.type) {
      case 'start':
        return start(message);
      case 'usage':
        return Promise.resolve(usage(message.connectionsAhead));
      case 'heap':
        return Promise.resolve(heapAfterGc());
      default:
        return Promise.reject(new Error(`unknown request ${message.type}`));
    }
  },
  async () => {
    await close?.();
  },
);
