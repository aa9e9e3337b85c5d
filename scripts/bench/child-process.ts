import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A message to a bench child: `type` says what to do, `id` pairs the reply with the request. */
export interface ChildRequest {
  type: string;
  id?: number;
  [key: string]: unknown;
}

export interface ChildReply {
  type: 'reply' | 'error';
  id: number;
  value?: unknown;
  message?: string;
}

/** Whether `taskset` can pin a process here (Linux with util-linux); checked once. */
let canPin: boolean | undefined;
export function isPinningAvailable(): boolean {
  canPin ??= spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  return canPin;
}

export interface BenchChildOptions {
  /** The script to run, relative to this folder, e.g. `server-child.ts`. */
  script: string;
  /** CPU core to pin the child to (when taskset exists). */
  core: number;
  /** Extra node flags, e.g. `--expose-gc` or `--cpu-prof`. */
  nodeFlags?: readonly string[];
  /** How long a request may take before the bench gives up on the child. */
  timeoutMs?: number;
}

/**
 * A long-lived child process of the benchmark (a server or the load generator), pinned to one core
 * with `taskset -c N` so that the server and the load generator never compete for a core. The two
 * talk over Node's IPC channel, which passes through `taskset` because it is an inherited fd.
 */
export class BenchChild {
  private readonly child: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  private readonly exited: Promise<number | null>;
  private readonly timeoutMs: number;
  readonly isPinned: boolean;

  constructor(options: BenchChildOptions) {
    const scriptPath = fileURLToPath(new URL(options.script, import.meta.url));
    const nodeArgs = [...(options.nodeFlags ?? []), '--import', 'tsx', scriptPath];
    this.isPinned = isPinningAvailable();
    const [command, args] = this.isPinned
      ? ['taskset', ['-c', String(options.core), process.execPath, ...nodeArgs]]
      : [process.execPath, nodeArgs];
    this.child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message: ChildReply) => this.settle(message));
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        for (const { reject } of this.pending.values()) {
          reject(
            new Error(
              `bench child ${options.script} exited (code ${code}, signal ${signal}) mid-request`,
            ),
          );
        }
        this.pending.clear();
        resolve(code);
      });
    });
    this.timeoutMs = options.timeoutMs ?? 120_000;
  }

  /** Sends a request and resolves with the child's reply value. */
  request<T>(message: ChildRequest): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`bench child did not answer "${message.type}" in ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.child.send({ ...message, id });
    });
  }

  /** Asks the child to stop and waits for it to exit (killing it after a grace period). */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    if (this.child.connected) this.child.send({ type: 'stop' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }

  private settle(message: ChildReply): void {
    const waiter = this.pending.get(message.id);
    if (!waiter) return;
    this.pending.delete(message.id);
    if (message.type === 'error') waiter.reject(new Error(message.message ?? 'bench child error'));
    else waiter.resolve(message.value);
  }
}

/**
 * The child side: answers each request with `handle`'s result, and exits on `stop` once `onStop`
 * has run (a normal exit, so `--cpu-prof` gets to write its profile).
 */
export function serveParent(
  handle: (message: ChildRequest) => Promise<unknown>,
  onStop: () => Promise<void>,
): void {
  if (!process.send) throw new Error('This script runs as a child of scripts/bench/run.ts only.');
  process.on('message', (message: ChildRequest) => {
    if (message.type === 'stop') {
      void onStop().finally(() => process.exit(0));
      return;
    }
    const id = message.id ?? 0;
    handle(message).then(
      (value) => process.send!({ type: 'reply', id, value } satisfies ChildReply),
      (error: unknown) =>
        process.send!({
          type: 'error',
          id,
          message: error instanceof Error ? error.message : String(error),
        } satisfies ChildReply),
    );
  });
  // The parent going away (Ctrl-C, crash) must not leave a pinned server running.
  process.on('disconnect', () => void onStop().finally(() => process.exit(0)));
}
