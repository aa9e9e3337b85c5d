import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { expect, test as base } from '@playwright/test';

import { LOCAL_CA_COMMON_NAME, ensureLocalPki } from '../../lib/pki/local-pki.js';

const test = base.extend<{ dir: string }>({
  dir: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cdlx-local-pki-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
});

async function certificate(file: string): Promise<X509Certificate> {
  return new X509Certificate(await readFile(file));
}

test.describe('local PKI', () => {
  test('creates a labelled CA, a server certificate and client identities signed by it', async ({
    dir,
  }) => {
    const { paths, created } = await ensureLocalPki(dir);

    expect(created).toBe(true);
    const ca = await certificate(paths.ca.certPath);
    const server = await certificate(paths.server.certPath);
    const client = await certificate(paths.client.certPath);
    expect(ca.subject).toContain(LOCAL_CA_COMMON_NAME);
    expect(ca.ca).toBe(true);
    expect(server.verify(ca.publicKey) && client.verify(ca.publicKey)).toBe(true);
    expect(server.subjectAltName).toBe(
      'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1',
    );
    expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(client.keyUsage).toEqual(['1.3.6.1.5.5.7.3.2']);
    expect(server.ca || client.ca).toBe(false);
  });

  test('writes every private key with mode 0600', async ({ dir }) => {
    const { paths } = await ensureLocalPki(dir);

    for (const keyPath of [
      paths.ca.keyPath,
      paths.server.keyPath,
      paths.client.keyPath,
      paths.admin.keyPath,
    ]) {
      expect(((await stat(keyPath)).mode & 0o777).toString(8), keyPath).toBe('600');
    }
  });

  test('changes nothing on a second run and says so', async ({ dir }) => {
    const first = await ensureLocalPki(dir);
    const before = await readFile(first.paths.client.certPath, 'utf8');

    const second = await ensureLocalPki(dir);

    expect(second).toMatchObject({ created: false, reason: 'already in place' });
    expect(await readFile(second.paths.client.certPath, 'utf8')).toBe(before);
  });

  test('recreates everything when a piece is missing', async ({ dir }) => {
    const first = await ensureLocalPki(dir);
    await unlink(first.paths.server.keyPath);

    const second = await ensureLocalPki(dir);

    expect(second.created).toBe(true);
    expect(second.reason).toContain('mock-server.crt');
    const ca = await certificate(second.paths.ca.certPath);
    expect((await certificate(second.paths.server.certPath)).verify(ca.publicKey)).toBe(true);
  });
});
