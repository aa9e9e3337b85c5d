import type { SecureContext } from 'node:tls';

import type { Target } from '../targets/target.js';
import type { HttpAnswer, TlsSession } from './probes.js';
import type { StepResult } from './report.js';

/** What the steps learn and hand on to the next one. */
export interface DoctorContext {
  target: Target;
  host: string;
  port: number;
  /** SNI name: the host, unless it is an address literal. */
  servername: string | undefined;
  /** Source address to bind, e.g. to test one egress interface of several. */
  localAddress: string | undefined;
  timeoutMs: number;
  /** Which variable to set for a CA, in hints: CDLX_PREPROD_CA, or certs/ for the mock. */
  caSettingHint: string;
  secureContext?: SecureContext;
  address?: string | undefined;
  sourceAddress?: string | undefined;
  tls?: TlsSession;
  healthcheck?: HttpAnswer;
}

export type Step = (context: DoctorContext) => Promise<Omit<StepResult, 'id' | 'title'>>;

export function pass(detail: string, ms?: number): Omit<StepResult, 'id' | 'title'> {
  return { status: 'pass', detail, ...(ms === undefined ? {} : { ms }) };
}

export function fail(
  verdict: NonNullable<StepResult['verdict']>,
  detail: string,
  hint: string,
  ms?: number,
): Omit<StepResult, 'id' | 'title'> {
  return { status: 'fail', verdict, detail, hint, ...(ms === undefined ? {} : { ms }) };
}
