/**
 * What a check found about a piece of material. `error` means the material would be refused or
 * would not work (exit code 1); `warning` means it works but deserves a look; `note` is plain
 * information.
 */
export type FindingLevel = 'error' | 'warning' | 'note';

export interface Finding {
  level: FindingLevel;
  /** Stable and machine-readable, e.g. `CDLX_CSR_CHALLENGE_PASSWORD`. */
  code: string;
  /** The file the finding is about, as the user named it. */
  file: string;
  /** The part of the material: `subject`, `public key`, `signature`, `extKeyUsage`, ... */
  field: string;
  /** What is wrong, with the value that is wrong. */
  message: string;
  /** What to do about it. */
  hint: string;
}

/** Records findings about one file, in the order they are added. */
export type AddFinding = (
  level: FindingLevel,
  code: string,
  field: string,
  message: string,
  hint: string,
) => void;

/** A list of findings about `file` and the function that adds to it. */
export function findingsFor(file: string): { findings: Finding[]; add: AddFinding } {
  const findings: Finding[] = [];
  return {
    findings,
    add: (level, code, field, message, hint) => {
      findings.push({ level, code, file, field, message, hint });
    },
  };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.level === 'error');
}

/** The lines a person reads for a finding: file, field and message, then what to do. */
export function formatFinding(finding: Finding): string {
  const head = `${finding.file} (${finding.field}): ${finding.message}`;
  return finding.hint ? `${head}\n  ${finding.hint}` : head;
}
