import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';

import { assertPrivateDirectory, PRIVATE_FILE_MODE } from '../fs-secure.js';

/**
 * Writes a private file (mode 0600) that must not exist yet, atomically: the content is written
 * and flushed under a temporary name, then hard-linked to the final name. link(2) fails with
 * EEXIST instead of replacing, so a key that appears between a check and the write is never
 * overwritten, and readers never see half a key. Returns false, having written nothing, when the
 * file already exists; other failures (no such folder, no permission) throw.
 */
export async function writeNewPrivateFile(
  filePath: string,
  content: string | Uint8Array,
): Promise<boolean> {
  const dir = path.dirname(filePath);
  await mkdir(dir, { recursive: true });
  await assertPrivateDirectory(dir);
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
      if (errorCode(error) === 'EEXIST') return false;
      if (!isLinkUnsupported(error)) throw error;
      // Some network and FUSE file systems have no hard links; exclusive create still never
      // overwrites, it only gives up the all-or-nothing guarantee on a crash.
      const fallbackHandle = await open(filePath, 'wx', PRIVATE_FILE_MODE).catch(
        (openError: unknown) => {
          if (errorCode(openError) === 'EEXIST') return undefined;
          throw openError;
        },
      );
      if (!fallbackHandle) return false;
      try {
        await fallbackHandle.writeFile(content);
        await fallbackHandle.sync();
      } finally {
        await fallbackHandle.close();
      }
    }
  } finally {
    await rm(tmpPath, { force: true });
  }
  return true;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function isLinkUnsupported(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS';
}
