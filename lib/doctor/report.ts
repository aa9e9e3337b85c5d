/** The steps doctor takes, in order; each needs the ones before it. */
export const DOCTOR_STEPS = [
  { id: 'certificate', title: 'client certificate' },
  { id: 'dns', title: 'DNS' },
  { id: 'tcp', title: 'TCP connect' },
  { id: 'tls', title: 'TLS handshake' },
  { id: 'client-certificate', title: 'client certificate accepted' },
  { id: 'healthcheck', title: 'GET /healthcheck' },
  { id: 'start-session', title: 'startSession' },
] as const;

export type StepId = (typeof DOCTOR_STEPS)[number]['id'];

/** Stable codes for the verdict, for CI scripts reading `--json`. */
export type VerdictCode =
  | 'ok'
  | 'local-certificate'
  | 'dns'
  | 'server-down'
  | 'not-allow-listed'
  | 'no-route'
  | 'not-tls'
  | 'server-untrusted'
  | 'tls-failed'
  | 'certificate-refused'
  | 'healthcheck-failed'
  | 'session-failed';

export interface StepResult {
  id: StepId;
  title: string;
  status: 'pass' | 'warn' | 'fail' | 'skip';
  /** What happened, in plain words. */
  detail: string;
  /** What to do, on failure or warning. */
  hint?: string;
  /** Set on failure: what the failure means for the whole check. */
  verdict?: VerdictCode;
  ms?: number;
}

export interface DoctorReport {
  target: string;
  url: string;
  /** The local address our connection came from, when one was made or the route is known. */
  sourceAddress: string | undefined;
  steps: StepResult[];
  ok: boolean;
  verdict: VerdictCode;
  /** One sentence: the conclusion a person acts on. */
  summary: string;
}

/** The conclusion drawn from the first failed step (steps after it did not run). */
export function concludeReport(
  base: Pick<DoctorReport, 'target' | 'url' | 'sourceAddress'>,
  steps: StepResult[],
): DoctorReport {
  const failed = steps.find((step) => step.status === 'fail');
  if (!failed) {
    return {
      ...base,
      steps,
      ok: true,
      verdict: 'ok',
      summary: `${base.target} is reachable: mTLS, healthcheck and startSession all work.`,
    };
  }
  return {
    ...base,
    steps,
    ok: false,
    verdict: failed.verdict ?? 'tls-failed',
    summary: `${base.target} failed at "${failed.title}": ${failed.detail}`,
  };
}
