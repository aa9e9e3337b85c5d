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

/** What the parent reads between two load runs. */
export interface ServerUsage {
  cpuMicros: number;
  requests: number;
  connections: number;
}

let server: Server | undefined;
let close: (() => Promise<void>) | undefined;
let requests = 0;
let connections = 0;

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
  target.on('secureConnection', () => connections++);
}

function usage(): ServerUsage {
  const { user, system } = process.cpuUsage();
  return { cpuMicros: user + system, requests, connections };
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
        return Promise.resolve(usage());
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
