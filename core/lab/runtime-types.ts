// The plain types of the Lab runtime's API (runtime.ts): device states and events, what the lists return,
// results of exec and start, options, and the saved state of a lab. Data only, JSON-serialisable.

import type { HostHooks, Nanos } from '../cpu/index.ts';
import type { ImageStore } from '../images/base.ts';
import type { FsSnapshot } from './fs-snapshot.ts';
import type { LoadOptions } from './load.ts';
import type { LabDiagnostic } from './model.ts';
import type { NetworkAttacher } from './network-attach.ts';
import type { ValidateOptions } from './validate.ts';

/**
 * stopped: created, never started (or before restart); booting: startup scripts running; running: boot
 * finished (/tmp/EOS written); halted: stopped after its shutdown scripts; crashed: kernel panic.
 */
export type DeviceState = 'stopped' | 'booting' | 'running' | 'halted' | 'crashed';

export interface DeviceStateEvent {
  readonly type: 'device-state';
  readonly device: string;
  readonly state: DeviceState;
  /** The panic message for `crashed`. */
  readonly message?: string;
  /** Virtual time of the change (ns since the lab's boot). */
  readonly at: Nanos;
}

export type LabEvent = DeviceStateEvent;

export interface InterfaceInfo {
  readonly device: string;
  /** `ethN`, N from `dev[N]=CD` in lab.conf. */
  readonly name: string;
  readonly index: number;
  readonly collisionDomain: string;
  readonly mac: string;
}

export interface CollisionDomainInfo {
  readonly name: string;
  /** `device:ethN` endpoints, lab.conf order. */
  readonly members: readonly string[];
}

export interface DeviceInfo {
  readonly name: string;
  /** The image lab.conf asks for (or the inferred / default one). */
  readonly image: string;
  /** The image the device really runs (kathara/base when the asked one is not available). */
  readonly runs: string;
  readonly state: DeviceState;
  readonly message?: string;
  readonly interfaces: readonly InterfaceInfo[];
}

/** Failures are values: the runtime never throws at its caller. */
export interface Failure {
  readonly ok: false;
  readonly error: string;
}

export interface ExecOutcome {
  readonly ok: true;
  /** As a shell shows it: the exit code, or 128 + signal (137 when killed at the time limit). */
  readonly exitCode: number;
  /** stdout and stderr as written, interleaved, decoded as UTF-8. */
  readonly output: string;
  readonly bytes: Uint8Array;
  /** The command did not end within the time limit (or could never end) and was killed. */
  readonly timedOut: boolean;
}

export interface ExecOptions {
  /** Each chunk the command writes, as it is written. */
  onOutput?: (bytes: Uint8Array) => void;
  /** Virtual time limit (fast mode) or real time limit (other modes), ns; default 24 h. */
  timeout?: Nanos;
  /** Bytes given on standard input (default /dev/null). */
  stdin?: Uint8Array;
}

export interface StartReport {
  /** Devices whose boot ended (running). */
  readonly running: string[];
  /** Devices that panicked while booting, with the message. */
  readonly crashed: { device: string; message: string }[];
  /** Devices whose startup scripts were still running at the boot time limit (left running). */
  readonly slow: string[];
}

/** A lab's saved state: each started device's copy-on-write layer and the /shared folder. */
export interface LabState {
  readonly version: 1;
  /** Virtual time at which it was saved. */
  readonly savedAt: Nanos;
  readonly devices: Readonly<Record<string, FsSnapshot>>;
  readonly shared: FsSnapshot;
}

export interface LabOptions {
  /** The host's timers and clock (server/host.ts on Node). */
  host: HostHooks;
  /** Images shared between labs; a new store with kathara/base when absent. */
  images?: ImageStore;
  seed?: number;
  /** Virtual wall-clock time at boot, ns since the epoch. */
  epoch?: Nanos;
  /** Kathará or Netkit grammar; 'auto' by default. */
  grammar?: LoadOptions['mode'];
  validate?: ValidateOptions;
  /** Creates NICs and plugs them into collision domains (core/net, once integrated). */
  network?: NetworkAttacher;
  /** Restores a state saved by saveState(): devices boot from their saved files. */
  state?: LabState;
  /** How long startup scripts may run before start() returns without them (default 600 s). */
  bootTimeout?: Nanos;
}

export type LabCreateResult<L> =
  | { readonly ok: true; readonly lab: L; readonly warnings: LabDiagnostic[] }
  | { readonly ok: false; readonly errors: LabDiagnostic[]; readonly warnings: LabDiagnostic[] };
