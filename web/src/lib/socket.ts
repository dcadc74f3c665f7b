// The one socket.io connection of the page (consoles and live lab events), typed by server/protocol.ts.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../server/protocol.ts';

export type NetloomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: NetloomSocket | undefined;

export function getSocket(): NetloomSocket {
  socket ??= io({ transports: ['websocket', 'polling'] });
  return socket;
}
