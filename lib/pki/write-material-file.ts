import { CdlxError } from '../errors.js';
import { writePrivateFile, writePublicFile } from '../fs-secure.js';

/**
 * Writes key material atomically (private: mode 0600; public: 0644) and turns a file system
 * failure (a file where a folder should be, no permission, a full disk) into one sentence naming
 * the path, instead of a raw errno error.
 */
export async function writeMaterialFile(
  filePath: string,
  content: string | Uint8Array,
  visibility: 'private' | 'public',
): Promise<void> {
  try {
    await (visibility === 'private' ? writePrivateFile : writePublicFile)(filePath, content);
  } catch (error) {
    throw describeWriteFailure(filePath, error);
  }
}

/** The CdlxError for a file system error while writing `filePath`; other errors pass through. */
export function describeWriteFailure(filePath: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (error instanceof CdlxError || typeof code !== 'string') return error;
  return new CdlxError('CDLX_WRITE_FAILED', `Cannot write ${filePath} (${code}).`, {
    hint: 'Check that its folder exists or can be created, that it is a folder, and that you may write to it.',
    cause: error,
  });
}
