import type { Socket } from 'node:net';
import type { Server } from 'node:tls';

export interface HandshakeStall {
  /** Lets every held connection go on with its handshake now. */
  releaseAll(): void;
  /** Closes every held connection (the server is closing). */
  destroyAll(): void;
  readonly heldCount: number;
}

type ConnectionListener = (this: Server, socket: Socket) => void;

/**
 * Makes a TLS server able to hold new connections before their handshake: the TCP connection is
 * accepted, but the TLS layer only sees the socket once `decideStallMs` has elapsed, so the
 * client waits for a ServerHello that does not come, as behind an overloaded TLS terminator.
 *
 * The TLS server's own 'connection' listener (which wraps the raw socket in a TLSSocket) is moved
 * behind this gate. Bytes the client sent meanwhile stay buffered in the raw socket, and Node's
 * TLSSocket replays them when it takes the socket over, so a released handshake completes.
 * Call this before adding other 'connection' listeners, which then run ahead of the gate.
 */
export function holdHandshakes(
  server: Server,
  decideStallMs: () => number | undefined,
): HandshakeStall {
  const tlsListeners = server.listeners('connection') as ConnectionListener[];
  server.removeAllListeners('connection');
  const held = new Map<Socket, NodeJS.Timeout>();

  const forward = (socket: Socket): void => {
    for (const listener of tlsListeners) listener.call(server, socket);
  };
  const release = (socket: Socket): void => {
    const timer = held.get(socket);
    if (!timer) return;
    clearTimeout(timer);
    held.delete(socket);
    if (!socket.destroyed) forward(socket);
  };

  server.on('connection', (socket: Socket) => {
    const stallMs = socket.destroyed ? undefined : decideStallMs();
    if (stallMs === undefined) {
      forward(socket);
      return;
    }
    socket.pause();
    held.set(
      socket,
      setTimeout(() => release(socket), stallMs),
    );
    socket.once('close', () => {
      clearTimeout(held.get(socket));
      held.delete(socket);
    });
  });

  return {
    releaseAll: () => [...held.keys()].forEach(release),
    destroyAll: () => {
      for (const [socket, timer] of held) {
        clearTimeout(timer);
        socket.destroy();
      }
      held.clear();
    },
    get heldCount() {
      return held.size;
    },
  };
}
