import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

import { CdlxError } from '../errors.js';

/** Read from the current folder when CDLX_ENV_FILE does not name another file. */
export const DEFAULT_ENV_FILE = '.env.cdlx';
/** `CDLX_ENV_FILE=none` turns env files off, e.g. for a run that must see only its own settings. */
export const NO_ENV_FILE = 'none';

export interface EnvFileResult {
  /** The file read, or undefined when there was none to read. */
  file: string | undefined;
  /** Names of the variables it set (values are never reported: some are secrets). */
  applied: string[];
}

/**
 * Loads target settings from an env file (KEY=value lines, as dotenv and Node's `--env-file`
 * read them) into `env`, without overriding anything already set: the environment a CI job sets
 * always wins over a file someone left in the checkout.
 *
 * The file is `CDLX_ENV_FILE` when set (a missing file is then an error, since it was asked for),
 * else `.env.cdlx` in `cwd` when it exists. Parsing is Node's own `util.parseEnv` (Node >= 20.12).
 *
 * @example loadEnvFile(); // then resolveEnvTarget('preprod')
 */
export function loadEnvFile(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): EnvFileResult {
  const requested = env.CDLX_ENV_FILE?.trim();
  if (requested === NO_ENV_FILE) return { file: undefined, applied: [] };
  const file = path.resolve(cwd, requested || DEFAULT_ENV_FILE);
  if (!requested && !existsSync(file)) return { file: undefined, applied: [] };

  const values = parseEnv(readEnvFile(file, requested));
  const applied: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || env[name] !== undefined) continue;
    env[name] = value;
    applied.push(name);
  }
  return { file, applied };
}

function readEnvFile(file: string, requested: string | undefined): string {
  const source = requested
    ? `CDLX_ENV_FILE=${requested}`
    : `${DEFAULT_ENV_FILE} in ${path.dirname(file)}`;
  try {
    if (statSync(file).isDirectory()) throw new Error('is a directory');
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CdlxError('CDLX_ENV_FILE', `Cannot read the env file ${file} (from ${source}).`, {
      hint: `Fix the path, or unset CDLX_ENV_FILE; set CDLX_ENV_FILE=${NO_ENV_FILE} to read no file.`,
      cause: error,
    });
  }
}
