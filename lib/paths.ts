import { access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root folder, wherever the command is run from. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Generated key material (git-ignored). */
export const CERTS_DIR = path.join(PROJECT_ROOT, 'certs');

/** Reports of every run: HTML, JUnit, JSON and the switch-on summary. */
export const REPORTS_DIR = path.join(PROJECT_ROOT, 'reports');

export const CONTRACT_PATH = path.join(PROJECT_ROOT, 'openapi', 'publisher-v2.yaml');

/** The mock's admin API (not part of the Cardlytics API); it references the contract's schemas. */
export const ADMIN_CONTRACT_PATH = path.join(PROJECT_ROOT, 'openapi', 'mock-admin.yaml');

/** Shows a path relative to the current folder when that is shorter, as people type them. */
export function displayPath(filePath: string): string {
  const relative = path.relative(process.cwd(), filePath);
  return relative && !relative.startsWith('..') && relative.length < filePath.length
    ? relative
    : filePath;
}

/** Whether something exists at `filePath` (any error reading it counts as no). */
export async function fileExists(filePath: string): Promise<boolean> {
  try {
    await access(filePath);
    return true;
  } catch {
    return false;
  }
}
