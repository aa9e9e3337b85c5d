import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { isIP } from 'node:net';

import type { RealTargetName } from '../lib/targets/env-target.js';
import { loadCa, caPathsInDir } from '../lib/pki/ca.js';
import { crlPathFor } from '../lib/pki/ca-revoke.js';
import { createIdentity } from '../lib/pki/identity.js';
import { startMockServer, type MockServer } from './server.js';
import { SEEDED_CUSTOMERS, SEEDED_INSTITUTION_ID } from './state/default-seed.js';

/**
 * A stand-in admits one source address by default, as Cardlytics admits the publisher's egress
 * addresses only: 127.0.0.1 plays the allow-listed host, 127.0.0.2 any other one.
 */
export const DEFAULT_STAND_IN_CIDRS = ['127.0.0.1/32'] as const;
/** The server certificate is made at each start and lives only as long as the process. */
const SERVER_CERT_VALIDITY_DAYS = 2;

export interface StandInOptions {
  env: RealTargetName;
  /** Folder of the vendor CA (`cdlx ca init --dir DIR`): ca.crt and ca.key. */
  caDir: string;
  /** Source ranges allowed to connect; DEFAULT_STAND_IN_CIDRS when omitted. */
  allowedCidrs?: readonly string[];
  host?: string;
  /** 0 (the default) lets the OS choose. */
  port?: number;
}

export interface StandIn extends MockServer {
  env: RealTargetName;
  /** The vendor CA certificate: what CDLX_<ENV>_CA must name to trust the stand-in. */
  caCertPath: string;
  knownGoodCustomerId: string;
  institutionId: string;
  allowedCidrs: readonly string[];
  /** Session tokens handed out so far, so a rehearsal can prove none reached a report. */
  issuedTokens(): string[];
}

/**
 * Starts a mock that plays a real environment: its server certificate is signed by the vendor CA
 * in `caDir` (not by the kit's local CA), it accepts only client certificates that CA signed
 * (`cdlx ca sign`), and an allow-list drops every other source address before TLS.
 *
 * @example
 * const preprod = await startStandIn({ env: 'preprod', caDir: 'vendor-ca' });
 * // CDLX_PREPROD_URL=preprod.url CDLX_PREPROD_CA=preprod.caCertPath ...
 */
export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const caPaths = caPathsInDir(options.caDir);
  const ca = await loadCa(caPaths);
  const host = options.host ?? '127.0.0.1';
  const server = await createIdentity(ca, {
    subject: [{ shortName: 'CN', value: `cdlx ${options.env} stand-in` }],
    validityDays: SERVER_CERT_VALIDITY_DAYS,
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    extendedKeyUsage: ['serverAuth'],
    dnsNames: ['localhost'],
    ipAddresses: [...new Set(['127.0.0.1', '::1', ...(isIP(host) ? [host] : [])])],
  });
  const allowedCidrs = options.allowedCidrs ?? DEFAULT_STAND_IN_CIDRS;
  // `cdlx ca revoke` lists what the vendor CA revoked; a CA from before lists existed has none.
  const clientCrlPem = await readFile(crlPathFor(caPaths), 'utf8').catch(() => undefined);
  const mock = await startMockServer({
    tls: {
      certPem: server.certPem,
      keyPem: server.keyPem,
      clientCaPem: ca.certPem,
      ...(clientCrlPem === undefined ? {} : { clientCrlPem }),
    },
    host,
    port: options.port ?? 0,
    allowedCidrs,
  });

  const tokens: string[] = [];
  mock.server.prependListener('request', (request, response: ServerResponse) => {
    if (request.url?.startsWith('/v2/session/startSession')) recordTokens(response, tokens);
  });
  return {
    ...mock,
    env: options.env,
    caCertPath: caPaths.certPath,
    knownGoodCustomerId: SEEDED_CUSTOMERS.KNOWN_GOOD,
    institutionId: SEEDED_INSTITUTION_ID,
    allowedCidrs,
    issuedTokens: () => [...tokens],
  };
}

/** Reads the token out of a startSession answer as it is sent. */
function recordTokens(response: ServerResponse, tokens: string[]): void {
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  response.end = ((...args: unknown[]) => {
    const [chunk] = args;
    if (typeof chunk === 'string') {
      const match = /"sessionToken":"([^"]+)"/.exec(chunk);
      if (match?.[1]) tokens.push(match[1]);
    }
    return end(...args);
  }) as ServerResponse['end'];
}
