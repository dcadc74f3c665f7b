// The entry point of a lab host worker thread: one LabRunner fed by the server's messages.
import { parentPort } from 'node:worker_threads';
import { LabRunner } from './lab-runner.ts';
import type { HostMessage } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('lab-host-worker.ts runs only as a worker thread');
const runner = new LabRunner((out, transfer) => port.postMessage(out, transfer ?? []));
port.on('message', (msg: HostMessage) => runner.handle(msg));
