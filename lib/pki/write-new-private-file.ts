import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';

import { PRIVATE_FILE_MODE } from '../fs-secure.js';

/**
 * Writes a private file (mode 0600) that must not exist yet, atomically: the content is written
 * and flushed under a temporary name, then hard-linked to the final name. link(2) fails with
 * EEXIST instead of replacing, so a key that appears between a check and the write is never
 * overwritten, and readers never see half a key. Throws the EEXIST error for the caller to word.
 */
export async function writeNewPrivateFile(
  filePath: string,
  content: string | Uint8Array,
): Promise<void> {
  const dir = path.dirname(filePath);
  await mkdir(dir, { recursive: true });
  const tmpPath = path.join(
    dir,
    `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(tmpPath, 'wx', PRIVATE_FILE_MODE);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The umask may have narrowed the mode at creation; make it exact.
    await chmod(tmpPath, PRIVATE_FILE_MODE);
    try {
      await link(tmpPath, filePath);
    } catch (error) {
      if (!isLinkUnsupported(error)) throw error;
      // Some network and FUSE file systems have no hard links; exclusive create still never
      // overwrites, it only gives up the all-or-nothing guarantee on a crash.
      const handle2 = await open(filePath, 'wx', PRIVATE_FILE_MODE);
      try {
        await handle2.writeFile(content);
        await handle2.sync();
      } finally {
        await handle2.close();
      }
    }
  } finally {
    await rm(tmpPath, { force: true });
  }
}

function isLinkUnsupported(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS';
}
