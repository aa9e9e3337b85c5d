import path from 'node:path';

import { REPORTS_DIR } from '../paths.js';

/**
 * The folder every report of a run goes to: `CDLX_REPORTS_DIR` (relative to the current folder)
 * or reports/ in the checkout. A gate's CI job points it at the folder it uploads.
 */
export function resolveReportsDir(env: NodeJS.ProcessEnv = process.env): string {
  const requested = env.CDLX_REPORTS_DIR?.trim();
  return requested ? path.resolve(requested) : REPORTS_DIR;
}

/** File names inside the reports folder, shared by the config, the docs and the rehearsal. */
export const REPORT_FILES = {
  html: 'html',
  junit: 'junit.xml',
  json: 'results.json',
  switchOn: 'switch-on-summary.md',
} as const;
