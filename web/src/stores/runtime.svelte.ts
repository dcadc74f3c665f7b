// The running state of the open lab: whether it runs, each device's state (live over socket.io), and
// start/stop/restart of the lab or of one device. Starting saves unsaved edits first.
import type { DeviceState, LabStatus } from '../../../server/protocol.ts';
import { api, describe } from '../lib/api.ts';
import { getSocket } from '../lib/socket.ts';
import { editor, save } from './editor.svelte.ts';
import { toast } from './toasts.svelte.ts';

export const runtime = $state({
  lab: null as string | null,
  running: false,
  states: {} as Record<string, DeviceState>,
  messages: {} as Record<string, string>,
  /** What is in progress: '' when idle. */
  busy: '' as '' | 'starting' | 'stopping' | 'restarting',
  failure: '',
});

let listening = false;

function listen(): void {
  if (listening) return;
  listening = true;
  const socket = getSocket();
  socket.on('device-state', (e) => {
    if (e.lab !== runtime.lab) return;
    runtime.states[e.device] = e.state;
    if (e.message) runtime.messages[e.device] = e.message;
    else delete runtime.messages[e.device];
    if (e.state === 'crashed') toast(`${e.device} crashed${e.message ? `: ${e.message}` : ''}`, 'error');
  });
  socket.on('lab-down', (e) => {
    if (e.lab !== runtime.lab) return;
    const wasRunning = runtime.running;
    runtime.running = false;
    runtime.states = {};
    if (wasRunning && !runtime.busy) {
      runtime.failure = e.reason;
      if (!/stopped\.$|restarted\.$|deleted\.$/.test(e.reason)) toast(e.reason, 'error');
    }
  });
  // After a reconnection (server restart, network), ask again for what we watch.
  socket.on('connect', () => {
    if (runtime.lab) {
      socket.emit('watch', { lab: runtime.lab });
      void refreshStatus();
    }
  });
}

function applyStatus(s: LabStatus): void {
  if (s.id !== runtime.lab) return;
  runtime.running = s.running;
  runtime.states = Object.fromEntries(s.devices.map((d) => [d.name, d.state]));
  runtime.messages = Object.fromEntries(s.devices.filter((d) => d.message).map((d) => [d.name, d.message!]));
  runtime.failure = s.failure ?? '';
}

export async function watchLab(id: string | null): Promise<void> {
  listen();
  const socket = getSocket();
  if (runtime.lab && runtime.lab !== id) socket.emit('unwatch', { lab: runtime.lab });
  runtime.lab = id;
  runtime.running = false;
  runtime.states = {};
  runtime.failure = '';
  if (!id) return;
  socket.emit('watch', { lab: id });
  await refreshStatus();
}

export async function refreshStatus(): Promise<void> {
  if (!runtime.lab) return;
  try {
    applyStatus(await api.status(runtime.lab));
  } catch {
    // The lab list or the editor shows why the lab is not there.
  }
}

async function busy(kind: 'starting' | 'stopping' | 'restarting', fn: () => Promise<LabStatus | undefined>): Promise<void> {
  if (!runtime.lab) return;
  runtime.busy = kind;
  runtime.failure = '';
  try {
    const s = await fn();
    if (s) applyStatus(s);
  } catch (err) {
    toast(describe(err), 'error');
    await refreshStatus();
  } finally {
    runtime.busy = '';
  }
}

/** Starts the lab (or some devices), saving unsaved edits first. */
export async function startLab(devices?: string[]): Promise<void> {
  const id = runtime.lab;
  if (!id) return;
  if (editor.dirty && !(await save())) return;
  if (!runtime.running) for (const d of editor.lab?.devices ?? []) if (!devices || devices.includes(d.name)) runtime.states[d.name] = 'booting';
  await busy('starting', async () => {
    const r = await api.start(id, devices ? { devices } : {});
    for (const c of r.crashed) toast(`${c.device} crashed while booting: ${c.message}`, 'error');
    if (r.slow.length > 0) toast(`Still booting: ${r.slow.join(', ')}`, 'info');
    return r.status;
  });
}

export async function stopLab(devices?: string[]): Promise<void> {
  const id = runtime.lab;
  if (!id) return;
  await busy('stopping', () => api.stop(id, devices ? { devices } : {}));
}

export async function restartDevice(device: string): Promise<void> {
  const id = runtime.lab;
  if (!id) return;
  if (editor.dirty && !(await save())) return;
  await busy('restarting', async () => (await api.restart(id, device)).status);
}
