import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

import { CdlxError } from './errors.js';

/** Owner read/write only: private keys and PKCS#12 files. */
export const PRIVATE_FILE_MODE = 0o600;
/** Certificates and CSRs are public material. */
export const PUBLIC_FILE_MODE = 0o644;

/**
 * Writes a file atomically: the content goes to a temporary file in the same folder (created with
 * the final mode, so a key is never readable by others even for a moment), is flushed, then
 * renamed over the target. A crash leaves either the old file or the new one, never half a key.
 */
export async function writeFileAtomic(
  filePath: string,
  content: string | Uint8Array,
  modeBits: number,
): Promise<void> {
  const dir = path.dirname(filePath);
  await mkdir(dir, { recursive: true });
  if ((modeBits & 0o077) === 0) await assertPrivateDirectory(dir);
  const tmpPath = path.join(
    dir,
    `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await open(tmpPath, 'wx', modeBits);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(tmpPath, { force: true });
    throw error;
  }
  await handle.close();
  // The umask may have narrowed the mode at creation; make it exact.
  await chmod(tmpPath, modeBits);
  await rename(tmpPath, filePath);
}

/** Writes a private key or PFX: atomically, mode 0600 even when the file already existed. */
export function writePrivateFile(filePath: string, content: string | Uint8Array): Promise<void> {
  return writeFileAtomic(filePath, content, PRIVATE_FILE_MODE);
}

export function writePublicFile(filePath: string, content: string | Uint8Array): Promise<void> {
  return writeFileAtomic(filePath, content, PUBLIC_FILE_MODE);
}

/** The CLI's --allow-world-writable-dir: private files may then go where every user can write. */
let worldWritableDirectoriesAllowed = false;

/** Lets private files be written into world-writable folders, for the rest of the process. */
export function allowWorldWritableDirectories(allowed = true): void {
  worldWritableDirectoriesAllowed = allowed;
}

/**
 * Refuses to put a private file in a folder every user may write to (o+w, /tmp included: its
 * sticky bit stops others deleting the file, not planting a name or a link before it is made,
 * nor seeing it). A key belongs in a folder only its owner can change.
 */
export async function assertPrivateDirectory(dir: string): Promise<void> {
  if (worldWritableDirectoriesAllowed) return;
  const { mode } = await stat(dir);
  if ((mode & 0o002) === 0) return;
  throw new CdlxError(
    'CDLX_UNSAFE_DIRECTORY',
    `Refusing to write a private key into ${dir}: every user on this machine can write to that folder (mode ${(mode & 0o7777).toString(8)}).`,
    {
      hint: 'Use a folder only you can write to (e.g. `mkdir -m 700 keys`), or add --allow-world-writable-dir to accept the risk.',
    },
  );
}
