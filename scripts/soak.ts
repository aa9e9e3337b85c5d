/**
 * Soak of the mTLS mock: `npm run soak` (about a minute) or `npm run soak -- --quick` (seconds).
 *
 * 1. Concurrent mTLS clients on keep-alive connections call the API for several rounds; every
 *    call must succeed, and the server's heap after a full GC must stay flat from round to round.
 * 2. Handshake churn: fresh connections, valid and invalid clients (no certificate, another CA,
 *    revoked, expired, CA:TRUE, RSA-1024) taking turns; no valid client may be refused and no
 *    invalid one let in.
 *
 * The server runs in a child process with --expose-gc, so the load generator's own heap and CPU
 * stay out of its figures. Prints the figures; exits 1 when a criterion fails.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { printError, printNote } from '../lib/cli/output.js';
import { ClientPool, churnHandshakes, contextFor, type RoundResult } from './soak/load.js';
import type { ChildMessage, ChildReply } from './soak/server-child.js';
import { createSoakPki } from './soak/soak-pki.js';

/** A heap that grows more than this from the first round to the last is reported as a leak. */
const HEAP_GROWTH_LIMIT = 0.1;
/** Growth below this many bytes is noise (code warming up, caches filling) whatever the ratio. */
const HEAP_NOISE_BYTES = 2 * 1024 * 1024;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    clients: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
    'round-seconds': { type: 'string' },
    'churn-seconds': { type: 'string' },
    concurrency: { type: 'string', default: '8' },
  },
});
const settings = {
  clients: Number(args.clients),
  rounds: Number(args.rounds),
  roundMs: Number(args['round-seconds'] ?? (args.quick ? 2 : 10)) * 1000,
  churnMs: Number(args['churn-seconds'] ?? (args.quick ? 3 : 10)) * 1000,
  concurrency: Number(args.concurrency),
};

class ServerChild {
  private readonly child: ChildProcess;

  constructor() {
    const script = fileURLToPath(new URL('./soak/server-child.ts', import.meta.url));
    this.child = fork(script, { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: 'inherit' });
  }

  ask<T extends ChildReply['type']>(
    message: ChildMessage,
    replyType: T,
  ): Promise<Extract<ChildReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      const onMessage = (reply: ChildReply): void => {
        if (reply.type !== replyType) return;
        this.child.off('message', onMessage);
        resolve(reply as Extract<ChildReply, { type: T }>);
      };
      this.child.on('message', onMessage);
      this.child.once('exit', (code) => reject(new Error(`the server child exited (${code})`)));
      this.child.send(message);
    });
  }
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

function roundLine(index: number, round: RoundResult, heapBytes: number): string {
  const sorted = [...round.latenciesMs].sort((a, b) => a - b);
  const perSecond = Math.round(round.requests / (settings.roundMs / 1000));
  return [
    `${index + 1}`.padEnd(6),
    `${round.requests}`.padStart(9),
    `${perSecond}`.padStart(7),
    `${round.errors}`.padStart(7),
    percentile(sorted, 0.5).toFixed(1).padStart(7),
    percentile(sorted, 0.99).toFixed(1).padStart(7),
    mb(heapBytes).padStart(12),
  ].join('  ');
}

async function main(): Promise<number> {
  printNote(
    `soak: ${settings.clients} mTLS clients, ${settings.rounds} rounds of ${settings.roundMs / 1000} s, then ${settings.churnMs / 1000} s of handshake churn`,
  );
  const pki = await createSoakPki();
  const server = new ServerChild();
  const { port } = await server.ask({ type: 'start', tls: pki.tls }, 'started');
  const failures: string[] = [];

  // Phase 1: concurrent keep-alive clients, heap read after a full GC between rounds.
  const pool = await ClientPool.open(port, contextFor(pki.caPem, pki.good), settings.clients);
  await pool.run(Math.min(1000, settings.roundMs)); // warm-up: JIT, caches, the answer cache
  const startHeap = (await server.ask({ type: 'heap' }, 'heap')).heapUsedBytes;
  const heaps: number[] = [];
  const lines = ['round   requests    req/s   errors   p50 ms  p99 ms  heap (GC)'];
  let errors = 0;
  for (let index = 0; index < settings.rounds; index++) {
    const round = await pool.run(settings.roundMs);
    const heap = (await server.ask({ type: 'heap' }, 'heap')).heapUsedBytes;
    heaps.push(heap);
    errors += round.errors;
    lines.push(roundLine(index, round, heap));
    if (round.firstError)
      failures.push(`round ${index + 1}: ${round.errors} errors, first: ${round.firstError}`);
  }
  await pool.close();
  const growth = heaps.at(-1)! - heaps[0]!;
  const growthRatio = growth / heaps[0]!;
  const heapFlat = growth < HEAP_NOISE_BYTES || growthRatio < HEAP_GROWTH_LIMIT;
  if (!heapFlat)
    failures.push(
      `heap grew ${mb(growth)} (${(growthRatio * 100).toFixed(1)}%) from round 1 to round ${settings.rounds}`,
    );

  // Phase 2: handshake churn.
  const { refusals: refusalsBefore } = await server.ask({ type: 'heap' }, 'heap');
  const churn = await churnHandshakes({
    port,
    caPem: pki.caPem,
    good: pki.good,
    invalid: pki.invalid,
    durationMs: settings.churnMs,
    concurrency: settings.concurrency,
  });
  const { refusals: refusalsAfter } = await server.ask({ type: 'heap' }, 'heap');
  const admitted = Object.values(churn.invalidAdmitted).reduce((sum, count) => sum + count, 0);
  if (churn.validRefused > 0) failures.push(`${churn.validRefused} valid clients were refused`);
  if (admitted > 0)
    failures.push(`invalid clients let in: ${JSON.stringify(churn.invalidAdmitted)}`);
  const logged = refusalsAfter - refusalsBefore;
  if (logged !== churn.invalidAttempts) {
    failures.push(`${churn.invalidAttempts} invalid clients but ${logged} refusals logged`);
  }
  await server.ask({ type: 'stop' }, 'stopped');

  process.stdout.write(
    [
      ...lines,
      `heap after GC: ${mb(startHeap)} after warm-up; round 1 ${mb(heaps[0]!)}, round ${settings.rounds} ${mb(heaps.at(-1)!)} (${growth >= 0 ? '+' : ''}${(growthRatio * 100).toFixed(1)}%): ${heapFlat ? 'flat' : 'GROWING'}`,
      `requests: ${errors} errors`,
      `churn: ${churn.handshakes} handshakes in ${settings.churnMs / 1000} s (${Math.round(churn.handshakes / (settings.churnMs / 1000))}/s, ${settings.concurrency} at a time)`,
      `  valid ${churn.validAttempts}, refused ${churn.validRefused}`,
      `  invalid ${churn.invalidAttempts}, let in ${admitted} (${Object.entries(
        churn.invalidAdmitted,
      )
        .map(([kind, count]) => `${kind} ${count}`)
        .join(', ')})`,
      `  refusals logged by the server: ${logged}`,
      failures.length === 0 ? 'soak: PASS' : 'soak: FAIL',
      '',
    ].join('\n'),
  );
  for (const failure of failures) printError(failure);
  return failures.length === 0 ? 0 : 1;
}

process.exitCode = await main();
