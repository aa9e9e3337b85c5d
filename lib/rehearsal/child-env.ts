import { NO_ENV_FILE } from '../targets/env-file.js';

/**
 * Variables a child run keeps from this process: what a shell provides, plus the user's extra CA
 * bundle (a corporate proxy's CA must keep working). Nothing else leaks in, in particular no
 * CDLX_* setting of the developer's own: the child sees only the settings the rehearsal gives it.
 */
const INHERITED = [
  'PATH',
  'HOME',
  'USER',
  'TMPDIR',
  'TEMP',
  'TMP',
  'LANG',
  'LC_ALL',
  'SYSTEMROOT',
  'CI',
  'NODE_EXTRA_CA_CERTS',
  'CDLX_ORIGINAL_NODE_EXTRA_CA_CERTS',
] as const;

/**
 * The environment of a child `playwright test`: the inherited basics, then `settings` (exactly
 * the variables a publisher would set), then the env file turned off, since a developer's
 * .env.cdlx must not mix into a rehearsal.
 */
export function childEnv(
  settings: Record<string, string>,
  parent: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of INHERITED) {
    const value = parent[name];
    if (value !== undefined) env[name] = value;
  }
  return { ...env, ...settings, CDLX_ENV_FILE: NO_ENV_FILE };
}
