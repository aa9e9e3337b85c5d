import { startMockServer, type MockServer } from '../../mock-server/server.js';
import type { MockTlsMaterial } from '../../mock-server/server.js';

/**
 * The mock under soak, in its own process started with --expose-gc, so the parent can ask for
 * the heap after a full collection without measuring its own load generator.
 */

export type ChildMessage =
  { type: 'start'; tls: MockTlsMaterial } | { type: 'heap' } | { type: 'stop' };

export type ChildReply =
  | { type: 'started'; port: number }
  | { type: 'heap'; heapUsedBytes: number; refusals: number }
  | { type: 'stopped' };

const gc = (globalThis as { gc?: () => void }).gc;
let mock: MockServer | undefined;
let refusals = 0;

function reply(message: ChildReply): void {
  process.send!(message);
}

process.on('message', (message: ChildMessage) => {
  void handle(message);
});

async function handle(message: ChildMessage): Promise<void> {
  if (message.type === 'start') {
    mock = await startMockServer({
      tls: message.tls,
      // Each refusal is one line; counting them checks that every invalid client was logged.
      logger: (line) => {
        if (line.startsWith('refused ')) refusals++;
      },
    });
    reply({ type: 'started', port: mock.port });
  } else if (message.type === 'heap') {
    if (!gc) throw new Error('start the soak server child with --expose-gc');
    // Several passes: one collection can leave garbage that only the next one frees.
    for (let pass = 0; pass < 3; pass++) gc();
    reply({ type: 'heap', heapUsedBytes: process.memoryUsage().heapUsed, refusals });
  } else {
    await mock?.close();
    reply({ type: 'stopped' });
    process.disconnect();
  }
}
