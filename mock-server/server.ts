import type { Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

import { getContractValidators } from '../lib/contract/validators.js';
import { startAdminServer, type AdminServer } from './admin/admin-server.js';
import { AllowList } from './allow-list.js';
import { listenOn } from './listen.js';
import { createGuardedServer } from './connection-guard.js';
import { Exchange } from './exchange.js';
import type { MockClock } from './clock.js';
import { holdHandshakes } from './faults/handshake-stall.js';
import { defaultMockLogger, type MockLogger } from './logger.js';
import { Router } from './router.js';
import { Sandbox } from './sandbox.js';
import { SessionTokens } from './session-tokens.js';
import type { MockState } from './state/mock-state.js';
import type { SeedData } from './state/seed-types.js';
import { resolveTimeouts, type MockTimeouts } from './timeouts.js';
import { ValidBodies } from './valid-bodies.js';

export interface MockTlsMaterial {
  /** The mock's server certificate and key (PEM). */
  certPem: string;
  keyPem: string;
  /** The CA (or CAs) whose client certificates the mock accepts (PEM). */
  clientCaPem: string;
  /**
   * Revocation lists (PEM), one per CA in `clientCaPem`, possibly empty: revoked client
   * certificates are then refused. Without them the mock checks no revocation.
   */
  clientCrlPem?: string;
}

export interface MockServerOptions {
  tls: MockTlsMaterial;
  /** Interface to bind; loopback unless told otherwise. */
  host?: string;
  /** 0 (the default) lets the OS choose a free port. */
  port?: number;
  /** Source addresses allowed to connect (CIDR); loopback only by default. */
  allowedCidrs?: readonly string[];
  /** Starting data; the built-in sandbox seed by default. */
  seed?: SeedData;
  /**
   * Also start the admin API (openapi/mock-admin.yaml) on its own port (0, the default, lets the
   * OS choose), for the admin identity only.
   */
  admin?: boolean | { port?: number };
  /** Entries the request journal keeps (a ring buffer). */
  journalCapacity?: number;
  /** Handshake, headers, request and keep-alive limits; DEFAULT_TIMEOUTS for any left out. */
  timeouts?: Partial<MockTimeouts>;
  /** Where refused connections and malformed requests are reported; see defaultMockLogger. */
  logger?: MockLogger;
}

export interface MockServer {
  url: string;
  host: string;
  port: number;
  state: MockState;
  clock: MockClock;
  /** State, clock, faults and journal, as the admin API drives them. */
  sandbox: Sandbox;
  /** The admin listener, when `admin` was asked for. */
  admin: AdminServer | undefined;
  server: Server;
  close(): Promise<void>;
}

/** Starts the mTLS mock and resolves once it is listening. */
export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const validators = getContractValidators();
  const router = new Router(validators.operations);
  const allowList = new AllowList(options.allowedCidrs);
  const sandbox = new Sandbox({
    seed: options.seed,
    journalCapacity: options.journalCapacity,
    operationIds: validators.operations.map((operation) => operation.operationId),
  });
  const { state, clock } = sandbox;
  const tokens = new SessionTokens(clock);
  const deps = { validators, router, tokens, sandbox, validBodies: new ValidBodies() };

  // mTLS: a client without a valid certificate from a trusted CA never gets an HTTP answer.
  const { server, dropBeforeTls } = createGuardedServer(
    {
      tls: options.tls,
      timeouts: resolveTimeouts(options.timeouts),
      logger: options.logger ?? defaultMockLogger(),
    },
    (request, response) => new Exchange(request, response, deps).start(),
  );
  // A stalled TLS handshake is a fault too: this gate sits between TCP and the TLS layer.
  const stalls = holdHandshakes(server, () => sandbox.faults.decideStall());
  sandbox.faults.onClear(() => stalls.releaseAll());
  // Runs before the TLS layer sees the socket: a source outside the allow-list is dropped
  // without a single TLS byte, as a firewall in front of the real API would.
  server.prependListener('connection', (socket: Socket) => {
    if (!allowList.allows(socket.remoteAddress)) {
      dropBeforeTls(socket, 'source address is not on the allow-list');
    }
  });

  const host = options.host ?? '127.0.0.1';
  await listenOn(server, options.port ?? 0, host, 'The mock');
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const adminPort = typeof options.admin === 'object' ? (options.admin.port ?? 0) : 0;
  // A mock whose admin API cannot start is not left listening on its own.
  const admin = options.admin
    ? await startAdminServer({ tls: options.tls, host, port: adminPort, sandbox, allowList }).catch(
        async (error: unknown) => {
          await closeServer(server);
          throw error;
        },
      )
    : undefined;
  return {
    url: `https://${urlHost}:${port}`,
    host,
    port,
    state,
    clock,
    sandbox,
    admin,
    server,
    close: async () => {
      await admin?.close();
      stalls.destroyAll();
      await closeServer(server);
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
