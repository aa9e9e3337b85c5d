import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';

import { expect, test } from '@playwright/test';

import { startDriftRecorder } from '../../lib/drift/recorder.js';
import { CERTS_DIR } from '../../lib/paths.js';
import { ensureLocalPki } from '../../lib/pki/local-pki.js';
import { unreachableTarget } from './support/drifting-stand-in.js';

/** An address of this machine that is not loopback, to connect from "outside" without leaving it. */
const OUTSIDE_ADDRESS = Object.values(networkInterfaces())
  .flat()
  .find((address) => address?.family === 'IPv4' && !address.internal)?.address;

/** Sends one raw HTTP request and resolves with whatever came back before the socket closed. */
function rawGet(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    const socket = connect({ host, port, localAddress: host }, () => {
      socket.write('GET /healthcheck HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    });
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
  });
}

test.describe('drift recorder exposure', () => {
  test('drops connections that do not come from this machine; loopback is served', async () => {
    test.skip(!OUTSIDE_ADDRESS, 'this machine has no non-loopback IPv4 address to connect from');
    const pki = (await ensureLocalPki(CERTS_DIR)).paths;
    const target = unreachableTarget(pki);
    const recorder = await startDriftRecorder({ target, port: 0, proxyCa: pki.ca });
    const port = Number(new URL(recorder.httpUrl).port);
    try {
      const fromOutside = await rawGet(OUTSIDE_ADDRESS!, port);
      const fromLoopback = await rawGet('127.0.0.1', port);

      expect(fromOutside).toBe('');
      // The target is down, so the proxy's own 502: what matters is that it answered at all.
      expect(fromLoopback).toMatch(/^HTTP\/1\.1 502/);
    } finally {
      await recorder.stop();
    }
  });
});
