import { isIP } from 'node:net';

import { displayPath } from '../paths.js';
import { variablePrefix } from '../targets/env-target.js';
import type { Target } from '../targets/target.js';
import { checkCertificate } from './certificate-step.js';
import type { DoctorContext, Step } from './doctor-context.js';
import { checkClientCertificate, checkHealthcheck, checkStartSession } from './http-steps.js';
import { checkDns, checkTcp, checkTls } from './network-steps.js';
import {
  DOCTOR_STEPS,
  concludeReport,
  type DoctorReport,
  type StepId,
  type StepResult,
} from './report.js';

/** Long enough for a transatlantic handshake on a slow link, short enough for CI. */
export const DEFAULT_STEP_TIMEOUT_MS = 5_000;

const STEPS: Record<StepId, Step> = {
  certificate: checkCertificate,
  dns: checkDns,
  tcp: checkTcp,
  tls: checkTls,
  'client-certificate': checkClientCertificate,
  healthcheck: checkHealthcheck,
  'start-session': checkStartSession,
};

export interface DoctorOptions {
  target: Target;
  /** Limit for each step. */
  timeoutMs?: number;
  /** Source address to connect from (one egress interface of several). */
  localAddress?: string;
  /** Called as each step ends, for progress lines. */
  onStep?: (step: StepResult) => void;
}

/**
 * Checks, step by step, that this machine can use a target: our certificate, DNS, TCP (a silent
 * drop or a reset points at the allow-list), TLS (server chain and expiry), whether the server
 * accepts our certificate (TLS alerts in plain words), /healthcheck, and startSession for the
 * known good customer. Stops at the first failure; later steps are reported as not run.
 *
 * @example const report = await runDoctor({ target: resolveEnvTarget('preprod') });
 */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const url = new URL(options.target.baseURL);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const context: DoctorContext = {
    target: options.target,
    host,
    port: Number(url.port || 443),
    servername: isIP(host) ? undefined : host,
    localAddress: options.localAddress,
    timeoutMs: options.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS,
    caSettingHint: caSettingHint(options.target),
  };

  const steps: StepResult[] = [];
  try {
    for (const { id, title } of DOCTOR_STEPS) {
      const result: StepResult = steps.some((step) => step.status === 'fail')
        ? { id, title, status: 'skip', detail: 'not run: an earlier step failed' }
        : { id, title, ...(await STEPS[id](context)) };
      steps.push(result);
      options.onStep?.(result);
    }
  } finally {
    context.tls?.socket.destroy();
  }
  return concludeReport(
    { target: options.target.name, url: url.origin, sourceAddress: context.sourceAddress },
    steps,
  );
}

function caSettingHint(target: Target): string {
  if (target.name === 'mock') {
    const ca = target.extraCaPaths[0];
    return `the mock's CA is ${ca ? displayPath(ca) : 'certs/local-ca.crt'}; restart \`npm run mock\` if certs/ was recreated`;
  }
  return `set ${variablePrefix(target.name)}_CA to that CA's certificate (PEM)`;
}
