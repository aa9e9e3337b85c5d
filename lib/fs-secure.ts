import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

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
