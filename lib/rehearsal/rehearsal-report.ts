import type { DoctorReport } from '../doctor/report.js';
import { displayPath } from '../paths.js';
import type { RealTargetName } from '../targets/env-target.js';
import type { TargetSummary } from '../reporting/switch-on-summary.js';

export interface RehearsalStep {
  title: string;
  ok: boolean;
  detail: string;
  ms: number;
}

/** What one environment's part of the rehearsal showed. */
export interface EnvironmentOutcome {
  env: RealTargetName;
  certificate?: { subject: string; notAfter: string; daysLeft: number };
  doctor?: DoctorReport;
  specs?: { exitCode: number; passed: number; failed: number; ms: number };
  switchOn?: TargetSummary;
  reportsDir: string;
}

export interface RehearsalResult {
  ok: boolean;
  steps: RehearsalStep[];
  environments: EnvironmentOutcome[];
  /** Files searched for secrets, and where any was seen (empty when clean). */
  secretScan?: { filesSearched: number; sightings: string[] };
  workDir: string;
  ms: number;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** The short switch-on summary the rehearsal ends with. */
export function formatRehearsalSummary(result: RehearsalResult): string {
  const lines = [`Switch-on rehearsal ${result.ok ? 'PASSED' : 'FAILED'} in ${seconds(result.ms)}`];
  for (const outcome of result.environments) {
    const { certificate, doctor, specs, switchOn } = outcome;
    lines.push(`  ${outcome.env}:`);
    if (certificate) {
      lines.push(
        `    certificate  ${certificate.subject}, ${certificate.daysLeft} days to expiry (${certificate.notAfter.slice(0, 10)})`,
      );
    }
    if (doctor) lines.push(`    doctor       ${doctor.ok ? 'OK' : `FAILED (${doctor.verdict})`}`);
    if (specs) {
      lines.push(
        `    specs        ${specs.passed} passed, ${specs.failed} failed in ${seconds(specs.ms)} (exit ${specs.exitCode})`,
      );
    }
    for (const step of switchOn?.steps ?? []) {
      const ids = step.requestIds.map((id) => id.split(' ').at(-1)).join(', ');
      lines.push(
        `    ${step.status === 'passed' ? 'PASS' : 'FAIL'}  ${step.title}${ids ? ` [${ids}]` : ''}`,
      );
    }
    lines.push(`    reports      ${displayPath(outcome.reportsDir)}`);
  }
  if (result.secretScan) {
    const { filesSearched, sightings } = result.secretScan;
    lines.push(
      sightings.length === 0
        ? `  secrets: no session token, passphrase or key path in ${filesSearched} artefacts and the run output`
        : `  secrets: FOUND in ${sightings.join('; ')}`,
    );
  }
  const failed = result.steps.find((step) => !step.ok);
  if (failed) lines.push(`  stopped at "${failed.title}": ${failed.detail}`);
  return lines.join('\n');
}
