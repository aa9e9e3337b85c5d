import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { PROJECT_ROOT } from '../../lib/paths.js';

/**
 * The first line of any PEM private key (PKCS#8, PKCS#1, SEC1, encrypted). Even a fake one in a
 * test trips secret scanners, so tests make their keys at run time. Built so this file holds none.
 */
const PEM_PRIVATE_KEY = new RegExp(['-----BEGIN', '(?:[A-Z]+ )?PRIVATE', 'KEY-----'].join(' '));
const KEY_FILE = /\.(key|pfx|p12)$/i;

function trackedFiles(): string[] | undefined {
  try {
    const out = execFileSync('git', ['ls-files', '-z'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    return out.split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

const tracked = trackedFiles();

test.describe('the repository', () => {
  test.skip(tracked === undefined, 'not a git checkout: no file is tracked, so none can leak');

  test('tracks no private key file and no file holding a PEM private key marker', async () => {
    const files = tracked ?? [];
    expect(files.length).toBeGreaterThan(50);

    const keyFiles = files.filter((file) => KEY_FILE.test(file));
    const withKeys: string[] = [];
    for (const file of files) {
      const text = await readFile(path.join(PROJECT_ROOT, file), 'utf8').catch(() => '');
      if (PEM_PRIVATE_KEY.test(text)) withKeys.push(file);
    }

    expect(keyFiles, 'key or PKCS#12 files tracked by git').toEqual([]);
    expect(withKeys, 'tracked files holding a PEM private key marker').toEqual([]);
  });
});
