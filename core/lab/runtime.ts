// A running lab: one virtual CPU and driver, one guest per device, the shared /shared folder and the
// read-only /hostlab, booted as Kathará boots a lab (lab.dep waves, startup scripts, exec lines, /tmp/EOS)
// and driven by the CLI and the server (start/stop, exec, consoles, events, run modes, save/restore).

import { Cpu, Driver, sec, type Nanos, type RunMode } from '../cpu/index.ts';
import { MemFs, OverlayFs, Vfs, utf8Decode, type Filesystem, type ImageLayer } from '../fs/index.ts';
import { ImageStore, type Image } from '../images/base.ts';
import { Capture, type Process } from '../kernel/index.ts';
import { SIGKILL } from '../kernel/abi.ts';
import { bootCommand, shutdownCommand } from './boot-script.ts';
import { buildHostlabLayer, copyFolderOnto, type LabFilesWithModes } from './device-files.ts';
import { MemoryLabFiles } from './files.ts';
import { restoreMemFs, snapshotMemFs } from './fs-snapshot.ts';
import { exitCodeOf, Guest } from './guest.ts';
import { bootWaves } from './labdep.ts';
import { loadLab } from './load.ts';
import type { Lab as LabModel, LabDevice, LabDiagnostic } from './model.ts';
import { deviceSysctls, type NetworkAttacher } from './network-attach.ts';
import { FabricAttacher } from './fabric-attacher.ts';
import type {
  CollisionDomainInfo, DeviceInfo, DeviceState, ExecOptions, ExecOutcome, Failure, InterfaceInfo, LabCreateResult,
  LabEvent, LabOptions, LabState, StartReport,
} from './runtime-types.ts';
import { imageName, validateLab } from './validate.ts';

const DEFAULT_BOOT_TIMEOUT = sec(600);
const DEFAULT_EXEC_TIMEOUT = sec(86_400);
const SHUTDOWN_TIMEOUT = sec(30);
const BASE_IMAGE = 'kathara/base';
/** Devices created between two runs of ready work while a wave boots in fast mode. */
const BOOT_BATCH = 16;
/** /etc/hosts as Kathará leaves it when the device folder gives none. */
const DEFAULT_HOSTS = '127.0.0.1 localhost\n::1 localhost\n';

/** One device at run time: its model, its guest (while it exists) and its state. */
interface DeviceRuntime {
  readonly device: LabDevice;
  readonly image: Image;
  guest: Guest | null;
  state: DeviceState;
  message?: string;
  /** What the boot command printed outside the startup logs (exec lines, errors). */
  bootOutput: Capture;
  /** A saved copy-on-write layer to boot from (restore), used once. */
  restoredUpper?: MemFs;
}

export interface LabConsole {
  /** Keys typed at the console. */
  input(bytes: Uint8Array): void;
  resize(cols: number, rows: number): void;
  /** The host has shown `n` bytes (flow control). */
  ack(n: number): void;
  close(): void;
  /** Resolves with the shell's wait status when it ends. */
  readonly exited: Promise<number>;
}

function fail(error: string): Failure {
  return { ok: false, error };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class Lab {
  readonly cpu: Cpu;
  readonly driver: Driver;
  readonly model: LabModel;
  /** Load and validation warnings, plus notices about images Netloom runs as kathara/base. */
  readonly warnings: LabDiagnostic[];
  private readonly files: LabFilesWithModes;
  private readonly options: LabOptions;
  private readonly runtimes = new Map<string, DeviceRuntime>();
  private readonly sharedFs: MemFs;
  private readonly hostlab: Filesystem;
  /** The lab's files as /hostlab shows them; device folders are copied from here at boot. */
  private readonly hostlabLayer: ImageLayer;
  private readonly listeners = new Set<(event: LabEvent) => void>();
  /** Creates NICs and plugs them into the collision domains (the lab's own fabric unless one is given). */
  readonly network: NetworkAttacher;
  /** Fast-mode drives run one after the other (each also advances the others' work). */
  private fastChain: Promise<unknown> = Promise.resolve();

  /** Loads and validates a lab folder; errors are returned, never thrown. */
  static create(files: LabFilesWithModes, options: LabOptions): LabCreateResult<Lab> {
    try {
      const loaded = loadLab(files, { mode: options.grammar ?? 'auto' });
      if (!loaded.ok) return loaded;
      const report = validateLab(files, loaded.lab, options.validate);
      const warnings = [...loaded.warnings, ...report.warnings];
      if (report.errors.length > 0) return { ok: false, errors: report.errors, warnings };
      const lab = new Lab(files, loaded.lab, warnings, options);
      return { ok: true, lab, warnings: lab.warnings };
    } catch (err) {
      return { ok: false, errors: [{ file: '.', message: `Internal error while loading the lab: ${errorText(err)}` }], warnings: [] };
    }
  }

  /** A lab of one kathara/base device (the CLI without a lab folder). */
  static single(name: string, options: LabOptions): LabCreateResult<Lab> {
    return Lab.create(new MemoryLabFiles({ 'lab.conf': `${name}[image]="kathara/base"\n` }), { ...options, grammar: 'kathara' });
  }

  private constructor(files: LabFilesWithModes, model: LabModel, warnings: LabDiagnostic[], options: LabOptions) {
    this.files = files;
    this.model = model;
    this.options = options;
    this.warnings = [...warnings];
    this.cpu = new Cpu({ seed: options.seed, epoch: options.epoch });
    this.driver = new Driver(this.cpu, options.host);
    this.network = options.network ?? new FabricAttacher(this.cpu);
    const now = (): number => this.cpu.realtime;
    const images = options.images ?? new ImageStore();
    const missing = new Map<string, string[]>();
    for (const device of model.devices) {
      let image = images.get(imageName(device.image));
      if (!image) {
        image = images.get(BASE_IMAGE);
        if (!image) throw new Error('the image store has no kathara/base');
        missing.set(device.image, [...(missing.get(device.image) ?? []), device.name]);
      }
      const restored = options.state?.devices[device.name];
      this.runtimes.set(device.name, {
        device, image, guest: null, state: 'stopped', bootOutput: new Capture(),
        ...(restored ? { restoredUpper: restoreMemFs(restored, { now }).fs } : {}),
      });
    }
    for (const [image, devices] of missing) {
      this.warnings.push({ file: 'lab.conf', message: `Image \`${image}\` is not available in Netloom; ${devices.join(', ')} run${devices.length === 1 ? 's' : ''} as kathara/base (programs it lacks fail with \`command not found\`).` });
    }
    this.sharedFs = options.state ? restoreMemFs(options.state.shared, { now }).fs : new MemFs({ now });
    this.hostlabLayer = buildHostlabLayer(files, this.cpu.realtime);
    this.hostlab = new OverlayFs([this.hostlabLayer], { now });
    if (!options.state && model.mode === 'kathara' && model.shared.folder) this.fillShared(model.shared.folder);
  }

  /** Kathará mode: the lab's shared/ folder is what every device finds in /shared. */
  private fillShared(folder: string): void {
    const vfs = new Vfs(this.sharedFs, { now: () => this.cpu.realtime });
    for (const p of copyFolderOnto(vfs, this.hostlabLayer, folder)) this.warnings.push({ file: folder, message: p.replace(' to /', ' to /shared/') });
  }

  // ------------------------------------------------------------------------------------- information

  get mode(): RunMode {
    return this.driver.mode;
  }

  /** realtime for consoles, fast for the CLI and tests, paused/step to freeze the network. */
  setMode(mode: RunMode): void {
    this.driver.setMode(mode);
  }

  devices(): DeviceInfo[] {
    return [...this.runtimes.values()].map((rt) => ({
      name: rt.device.name,
      image: rt.device.image,
      runs: rt.image.name,
      state: rt.state,
      ...(rt.message !== undefined ? { message: rt.message } : {}),
      interfaces: this.interfacesOf(rt.device),
    }));
  }

  device(name: string): DeviceInfo | undefined {
    return this.devices().find((d) => d.name === name);
  }

  interfaces(): InterfaceInfo[] {
    return this.model.devices.flatMap((d) => this.interfacesOf(d));
  }

  collisionDomains(): CollisionDomainInfo[] {
    return this.model.collisionDomains.map((cd) => ({ name: cd.name, members: cd.members.map((m) => `${m.device}:eth${m.index}`) }));
  }

  private interfacesOf(d: LabDevice): InterfaceInfo[] {
    return d.interfaces.map((i) => ({ device: d.name, name: `eth${i.index}`, index: i.index, collisionDomain: i.collisionDomain, mac: i.mac }));
  }

  /** The guest of a device while it exists (tests, the network integration, the server's inspectors). */
  guest(name: string): Guest | undefined {
    return this.runtimes.get(name)?.guest ?? undefined;
  }

  /** What a device's boot command printed besides its startup logs (exec lines, errors). */
  bootOutput(name: string): string {
    const rt = this.runtimes.get(name);
    return rt ? utf8Decode(rt.bootOutput.bytes()) : '';
  }

  /** Subscribes to device state changes; returns the unsubscribe function. */
  on(listener: (event: LabEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private setState(rt: DeviceRuntime, state: DeviceState, message?: string): void {
    rt.state = state;
    if (message === undefined) delete rt.message;
    else rt.message = message;
    const event: LabEvent = { type: 'device-state', device: rt.device.name, state, at: this.cpu.now, ...(message !== undefined ? { message } : {}) };
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch {
        // A listener's bug is the host's; the lab goes on.
      }
    }
  }

  // ------------------------------------------------------------------------------------------- time

  /** Fast mode: runs `drive` after the drives already queued (one drive of the clock at a time). */
  private async onFastChain(drive: () => Promise<unknown>): Promise<void> {
    const run = this.fastChain.then(drive);
    this.fastChain = run.catch(() => undefined);
    await run;
  }

  /** Fast mode: runs the ready work of this virtual instant, leaving the clock where it is. */
  private settleNow(): Promise<void> {
    return this.onFastChain(() => this.driver.runUntil(() => false, this.cpu.now));
  }

  /**
   * Waits for `promise` while the lab runs: in fast mode by driving the clock (jumping over idle time, at
   * most `timeout` of virtual time); otherwise the driver's own loop runs and `timeout` is real time.
   */
  private async until<T>(promise: Promise<T>, timeout: Nanos = Infinity): Promise<{ done: true; value: T } | { done: false }> {
    let settled = false;
    let value!: T;
    void promise.then((v) => {
      settled = true;
      value = v;
    });
    if (this.driver.mode === 'fast') {
      await this.onFastChain(async () => {
        if (!settled) await this.driver.runUntil(() => settled, this.cpu.now + timeout);
      });
      await this.options.host.hop();
      return settled ? { done: true, value } : { done: false };
    }
    if (timeout === Infinity) return { done: true, value: await promise };
    const wait = this.options.host.wait(timeout);
    await Promise.race([promise, wait.promise]);
    wait.cancel();
    await this.options.host.hop();
    return settled ? { done: true, value } : { done: false };
  }

  /** Lets `ns` of virtual time pass (fast: jumps; realtime: waits that long on the host). */
  async advance(ns: Nanos): Promise<void> {
    if (this.driver.mode === 'fast') {
      await this.onFastChain(() => this.driver.runFor(ns));
    } else {
      await this.options.host.wait(ns).promise;
    }
  }

  // --------------------------------------------------------------------------------------- start/stop

  /**
   * Boots the given devices (all by default) in lab.dep waves: a device starts once the devices it depends
   * on have finished booting; devices of a wave boot in parallel. Resolves when every boot ended, crashed
   * or passed the boot time limit. Devices already booting or running are left alone.
   */
  async start(names?: readonly string[]): Promise<StartReport | Failure> {
    const unknown = (names ?? []).filter((n) => !this.runtimes.has(n));
    if (unknown.length > 0) return fail(`No such device: ${unknown.join(', ')}.`);
    const chosen = names ? this.model.devices.filter((d) => names.includes(d.name)) : this.model.devices;
    const waves = bootWaves(chosen.map((d) => d.name), this.model.dependencies);
    const report: StartReport = { running: [], crashed: [], slow: [] };
    const timeout = this.options.bootTimeout ?? DEFAULT_BOOT_TIMEOUT;
    const deadline = this.cpu.now + timeout;
    for (const wave of waves) {
      const boots: Promise<void>[] = [];
      for (let i = 0; i < wave.length; i++) {
        boots.push(this.bootDevice(this.runtimes.get(wave[i]!)!));
        // In fast mode, run what the devices created so far can do at this same virtual instant before
        // creating more: they all still start at once, but a large lab's boot work does not pile up
        // in memory waiting for the last device to be created.
        if (this.driver.mode === 'fast' && i % BOOT_BATCH === BOOT_BATCH - 1 && i < wave.length - 1) await this.settleNow();
      }
      await this.until(Promise.all(boots), Math.max(0, deadline - this.cpu.now));
    }
    for (const d of chosen) {
      const rt = this.runtimes.get(d.name)!;
      if (rt.state === 'running') report.running.push(d.name);
      else if (rt.state === 'crashed') report.crashed.push({ device: d.name, message: rt.message ?? '' });
      else if (rt.state === 'booting') report.slow.push(d.name);
    }
    return report;
  }

  /** Creates the device's guest and starts its boot command; resolves when the boot command ends. */
  private bootDevice(rt: DeviceRuntime): Promise<void> {
    if (rt.state === 'booting' || rt.state === 'running') return Promise.resolve();
    const d = rt.device;
    this.setState(rt, 'booting');
    try {
      const upper = rt.restoredUpper;
      delete rt.restoredUpper;
      const guest = new Guest({ cpu: this.cpu, name: d.name, image: rt.image, shared: this.sharedFs, env: d.env, hosts: DEFAULT_HOSTS, ...(upper ? { upper } : {}) });
      rt.guest = guest;
      guest.kernel.onPanic = (message) => this.crashed(rt, guest, message);
      guest.vfs.mount('/hostlab', this.hostlab, { source: 'hostlab', options: 'ro,relatime' });
      guest.boot();
      if (!upper) this.populate(rt, guest);
      // The place where the network joins in: NICs for lab.conf's interfaces, plugged into their domains.
      for (const problem of this.network.attach(guest, d, d.interfaces, deviceSysctls(d)) ?? []) {
        this.warnings.push({ file: 'lab.conf', line: d.line || undefined, message: `${d.name}: ${problem}` });
      }
      rt.bootOutput = new Capture();
      const proc = guest.startArgv(['bash', '-c', bootCommand(d.name, d.exec)], rt.bootOutput, { path: '/bin/bash' });
      if (typeof proc === 'number') {
        this.crashed(rt, guest, `cannot start /bin/bash (errno ${-proc})`);
        return Promise.resolve();
      }
      return guest.kernel.whenExited(proc.pid).then(() => {
        if (rt.guest === guest && rt.state === 'booting') this.setState(rt, 'running');
      });
    } catch (err) {
      const guest = rt.guest;
      if (guest && !guest.halted) guest.kernel.panic(errorText(err));
      else this.crashed(rt, guest, errorText(err));
      return Promise.resolve();
    }
  }

  /** Files a fresh guest gets before its scripts run (after boot wrote /etc/hosts): Netkit's shared/, the device folder. */
  private populate(rt: DeviceRuntime, guest: Guest): void {
    const problems: string[] = [];
    if (this.model.mode === 'netkit' && this.model.shared.folder) problems.push(...copyFolderOnto(guest.vfs, this.hostlabLayer, this.model.shared.folder));
    if (rt.device.folder) problems.push(...copyFolderOnto(guest.vfs, this.hostlabLayer, rt.device.folder));
    for (const p of problems) this.warnings.push({ file: rt.device.folder ?? rt.device.name, message: p });
  }

  private crashed(rt: DeviceRuntime, guest: Guest | null, message: string): void {
    if (rt.guest !== guest) return;
    if (guest) this.network.detach(guest, rt.device);
    this.setState(rt, 'crashed', message);
  }

  /**
   * Stops the given devices (all by default): DEV.shutdown then shared.shutdown (at most 30 s), then the
   * guest halts. Their files stay until they are started again (restart gives a fresh file system).
   */
  async stop(names?: readonly string[]): Promise<{ halted: string[] } | Failure> {
    const unknown = (names ?? []).filter((n) => !this.runtimes.has(n));
    if (unknown.length > 0) return fail(`No such device: ${unknown.join(', ')}.`);
    const chosen = [...this.runtimes.values()].filter((rt) => !names || names.includes(rt.device.name));
    await Promise.all(chosen.map((rt) => this.stopDevice(rt)));
    return { halted: chosen.filter((rt) => rt.state === 'halted').map((rt) => rt.device.name) };
  }

  private async stopDevice(rt: DeviceRuntime): Promise<void> {
    const guest = rt.guest;
    if (!guest || (rt.state !== 'booting' && rt.state !== 'running')) return;
    const cap = new Capture();
    const proc = guest.startArgv(['bash', '-c', shutdownCommand(rt.device.name)], cap, { path: '/bin/bash' });
    if (typeof proc !== 'number') {
      const ended = await this.until(guest.kernel.whenExited(proc.pid), SHUTDOWN_TIMEOUT);
      if (!ended.done) this.kill(guest, proc);
    }
    if (rt.guest !== guest || (rt.state as DeviceState) === 'crashed') return;
    guest.kernel.halt();
    this.network.detach(guest, rt.device);
    this.setState(rt, 'halted');
  }

  /** Stops a device and boots it again on a fresh file system (Kathará's lrestart of one device). */
  async restart(name: string): Promise<StartReport | Failure> {
    const rt = this.runtimes.get(name);
    if (!rt) return fail(`No such device: ${name}.`);
    await this.stopDevice(rt);
    rt.guest = null;
    this.setState(rt, 'stopped');
    return this.start([name]);
  }

  private kill(guest: Guest, proc: Process): void {
    if (proc.alive) guest.kernel.sendSignal(proc, SIGKILL, true);
  }

  // --------------------------------------------------------------------------------- exec and consoles

  private live(name: string): DeviceRuntime | Failure {
    const rt = this.runtimes.get(name);
    if (!rt) return fail(`No such device: ${name}.`);
    if (!rt.guest || (rt.state !== 'booting' && rt.state !== 'running')) {
      return fail(`Device ${name} is not running (${rt.state}${rt.message ? `: ${rt.message}` : ''}).`);
    }
    return rt;
  }

  /** Runs `bash -c command` on a device (a new shell each time, as `kathara exec` does). */
  async exec(name: string, command: string, options: ExecOptions = {}): Promise<ExecOutcome | Failure> {
    const rt = this.live(name);
    if ('ok' in rt) return rt;
    const guest = rt.guest!;
    const cap = new Capture();
    if (options.onOutput) cap.onData = options.onOutput;
    const proc = guest.startArgv(['bash', '-c', command], cap, { path: '/bin/bash', ...(options.stdin ? { stdin: options.stdin } : {}) });
    if (typeof proc === 'number') return fail(`Cannot start /bin/bash on ${name} (errno ${-proc}).`);
    const exited = guest.kernel.whenExited(proc.pid);
    const ended = await this.until(exited, options.timeout ?? DEFAULT_EXEC_TIMEOUT);
    let status: number;
    if (ended.done) status = ended.value;
    else {
      this.kill(guest, proc);
      const after = await this.until(exited, sec(1));
      status = after.done ? after.value : SIGKILL;
    }
    const bytes = cap.bytes();
    return { ok: true, exitCode: exitCodeOf(status), output: utf8Decode(bytes), bytes, timedOut: !ended.done };
  }

  /** Opens a console on a device: a new pseudo-terminal with a login shell (the device's `shell` option). */
  /**
   * A shell on a new pseudo-terminal of the device. With `flowControl`, the guest's writers wait once
   * 64 KiB are unacknowledged (the host calls ack(n) as it shows output): what the web consoles use so that
   * `yes` cannot flood the server; a host that writes straight to a terminal leaves it off.
   */
  openConsole(name: string, sink: (bytes: Uint8Array) => void, size = { cols: 80, rows: 24 }, options: { flowControl?: boolean } = {}):
    LabConsole | Failure {
    const rt = this.live(name);
    if ('ok' in rt) return rt;
    try {
      const c = rt.guest!.openConsole(sink, size, rt.device.shell ?? '/bin/bash');
      if (typeof c === 'number') return fail(`Cannot open a console on ${name} (errno ${-c}).`);
      if (options.flowControl) c.tty.flowControl = true;
      return { input: (b) => c.input(b), resize: (cols, rows) => c.resize(cols, rows), ack: (n) => c.ack(n), close: () => c.close(), exited: c.exited };
    } catch (err) {
      return fail(`Cannot open a console on ${name}: ${errorText(err)}.`);
    }
  }

  // ------------------------------------------------------------------------------------ save/restore

  /** Each started device's changed files and /shared, as plain data; give it as `state` to a new Lab. */
  saveState(): LabState {
    const devices: Record<string, ReturnType<typeof snapshotMemFs>> = {};
    for (const rt of this.runtimes.values()) {
      if (rt.guest) devices[rt.device.name] = snapshotMemFs(rt.guest.rootFs.upper);
      else if (rt.restoredUpper) devices[rt.device.name] = snapshotMemFs(rt.restoredUpper);
    }
    return { version: 1, savedAt: this.cpu.now, devices, shared: snapshotMemFs(this.sharedFs) };
  }
}
