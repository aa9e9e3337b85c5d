import path from 'node:path';

import { writePublicFile } from '../fs-secure.js';
import type { DriftReport } from './drift-log.js';
import { renderMarkdown } from './render-markdown.js';

export interface WrittenReport {
  markdownPath: string;
  jsonPath: string;
}

/** Writes `drift-report.md` and `drift-report.json` into `dir`, each atomically. */
export async function writeDriftReport(report: DriftReport, dir: string): Promise<WrittenReport> {
  const markdownPath = path.join(dir, 'drift-report.md');
  const jsonPath = path.join(dir, 'drift-report.json');
  await writePublicFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  await writePublicFile(markdownPath, renderMarkdown(report));
  return { markdownPath, jsonPath };
}
