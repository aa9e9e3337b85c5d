import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { expect, test as base } from '@playwright/test';

import { CdlxError } from '../../lib/errors.js';
import {
  allowWorldWritableDirectories,
  writePrivateFile,
  writePublicFile,
} from '../../lib/fs-secure.js';
import { writeNewPrivateFile } from '../../lib/pki/write-new-private-file.js';

const test = base.extend<{ dir: string }>({
  dir: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cdlx-fs-secure-'));
    await use(dir);
    allowWorldWritableDirectories(false);
    await rm(dir, { recursive: true, force: true });
  },
});

const modeOf = async (file: string): Promise<string> =>
  ((await stat(file)).mode & 0o7777).toString(8);

test.describe('private files', () => {
  test('writes 0600 even over a file that was world-readable', async ({ dir }) => {
    const keyPath = path.join(dir, 'client.key');
    await writeFile(keyPath, 'old', { mode: 0o666 });
    await chmod(keyPath, 0o666);

    await writePrivateFile(keyPath, 'new key');

    expect(await modeOf(keyPath)).toBe('600');
    expect(await readFile(keyPath, 'utf8')).toBe('new key');
    expect(await readdir(dir)).toEqual(['client.key']);
  });

  test('writes 0600 whatever the umask', async ({ dir }) => {
    const previous = process.umask(0o000);
    try {
      await writePrivateFile(path.join(dir, 'a.key'), 'key');
    } finally {
      process.umask(previous);
    }

    expect(await modeOf(path.join(dir, 'a.key'))).toBe('600');
  });

  for (const [label, mode] of [
    ['a world-writable folder', 0o777],
    ['a sticky world-writable folder such as /tmp', 0o1777],
  ] as const) {
    test(`refuses ${label}, and names the flag that allows it`, async ({ dir }) => {
      const open = path.join(dir, 'open');
      await mkdir(open);
      await chmod(open, mode);

      const refusal = writePrivateFile(path.join(open, 'client.key'), 'key');

      await expect(refusal).rejects.toThrow(CdlxError);
      await expect(refusal).rejects.toMatchObject({
        code: 'CDLX_UNSAFE_DIRECTORY',
        message: expect.stringContaining(`every user on this machine can write to that folder`),
        hint: expect.stringContaining('--allow-world-writable-dir'),
      });
      await expect(writeNewPrivateFile(path.join(open, 'new.key'), 'key')).rejects.toMatchObject({
        code: 'CDLX_UNSAFE_DIRECTORY',
      });
      expect(await readdir(open)).toEqual([]);
    });
  }

  test('writes into a world-writable folder once the flag allows it', async ({ dir }) => {
    const open = path.join(dir, 'open');
    await mkdir(open);
    await chmod(open, 0o1777);
    allowWorldWritableDirectories();

    await writePrivateFile(path.join(open, 'client.key'), 'key');

    expect(await modeOf(path.join(open, 'client.key'))).toBe('600');
  });

  test('leaves public files out of the folder rule', async ({ dir }) => {
    const open = path.join(dir, 'open');
    await mkdir(open);
    await chmod(open, 0o777);

    await writePublicFile(path.join(open, 'client.crt'), 'certificate');

    expect(await modeOf(path.join(open, 'client.crt'))).toBe('644');
  });
});
