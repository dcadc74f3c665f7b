// One guest machine: its file system (the image's layers under a copy-on-write layer, /proc, /dev,
// optionally the lab's /shared), its kernel, and the host's ways in: exec a command and collect its
// output, or attach a console on a new pseudo-terminal.

import type { Cpu, QuotaOptions } from '../cpu/index.ts';
import { GenFs, MemFs, OverlayFs, Vfs, ROOT, utf8Encode, type Filesystem, type GenDir, type GenNode } from '../fs/index.ts';
import type { Image } from '../images/base.ts';
import {
  attachSys, Capture, captureFile, DevPtsFs, DEVPTS_MOUNT, feedFile, Kernel, lazyDir, spawnProgram, OpenFile, procNetUnix, procRoot, spawnProcess, type Process, type Tty,
} from '../kernel/index.ts';
import { EACCES, EISDIR, ENOENT, ENOTDIR, O_RDONLY, WIFEXITED, WEXITSTATUS, WTERMSIG } from '../kernel/abi.ts';
import { Stack, procNet, procSysNet, type NetInterface } from '../net/stack/index.ts';
import { staticDir } from '../kernel/procfs.ts';

export interface GuestOptions {
  cpu: Cpu;
  name: string;
  image: Image;
  /** The lab's /shared folder, one MemFs shared by every guest. */
  shared?: Filesystem;
  quota?: QuotaOptions;
  /** Extra /proc entries. */
  procExtra?: Record<string, GenNode>;
  /** Give the guest a network stack (default true). */
  network?: boolean;
  /** A saved copy-on-write layer to start from (a restored lab); a fresh MemFs by default. */
  upper?: MemFs;
  /** Environment every host-started process gets (lab.conf `dev[env]=K=V`). */
  env?: Record<string, string>;
  /** What boot() writes to /etc/hosts (a lab's container runtime writes its own); Debian's by default. */
  hosts?: string;
}

const DEBIAN_HOSTS = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n';

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
const PATH_VAR = `PATH=${DEFAULT_PATH}`;
/** A console's shell is started as `bash` (argv[0]); the list is never changed, so every console shares it. */
const CONSOLE_ARGV: readonly string[] = Object.freeze(['bash']);

/** What every guest passes for its fixed mounts and environment (frozen: shared by every guest). */
const NO_ENV: Readonly<Record<string, string>> = Object.freeze({});
const ROOT_INFO = Object.freeze({ source: 'overlay', fstype: 'overlay', options: 'rw,relatime' });
const PROC_INFO = Object.freeze({ source: 'proc', options: 'rw,nosuid,nodev,noexec,relatime' });
const DEV_INFO = Object.freeze({ source: 'tmpfs', fstype: 'tmpfs', options: 'rw,nosuid,size=65536k,mode=755' });
const SHARED_INFO = Object.freeze({ source: 'shared', options: 'rw,relatime' });

export interface ExecResult {
  /** Exit status as a shell reports it: the code, or 128 + signal number. */
  exitCode: number;
  /** The wait status. */
  status: number;
  output: Uint8Array;
}

export interface Console {
  tty: Tty;
  pid: number;
  /** Keys typed at the console. */
  input(bytes: Uint8Array): void;
  resize(cols: number, rows: number): void;
  /** The host has shown `n` bytes (flow control). */
  ack(n: number): void;
  close(): void;
  /** Resolves when the console's shell ends. */
  exited: Promise<number>;
}

/** The guest's clock for file times: the lab's virtual wall clock. */
function realtimeOf(cpu: Cpu): () => number {
  return () => cpu.realtime;
}

/** The /proc files root may open for writing although they have no write handler (see GenFs `lenient`). */
function lenientProcFile(path: string): boolean {
  return /^\/(uptime|loadavg|meminfo|cpuinfo|stat|version)$/.test(path);
}

export class Guest {
  readonly kernel: Kernel;
  readonly vfs: Vfs;
  readonly name: string;
  /** The root file system: image layers under this guest's copy-on-write layer (`rootFs.upper`). */
  readonly rootFs: OverlayFs;
  private readonly image: Image;
  /** The guest's network stack (lo and the interfaces the lab attaches). */
  readonly net: Stack | undefined;
  private readonly dev: OverlayFs;
  private readonly extraEnv: Readonly<Record<string, string>>;
  private readonly hosts: string;
  /** Started from a saved copy-on-write layer. */
  private readonly restored: boolean;
  /** /proc/sys/net, made on first use (see sysNet()). */
  private sysNetDir: GenDir | null = null;

  constructor(options: GuestOptions) {
    const { cpu, name, image } = options;
    this.image = image;
    const now = realtimeOf(cpu);
    this.name = name;
    this.extraEnv = options.env ?? NO_ENV;
    this.hosts = options.hosts ?? DEBIAN_HOSTS;
    this.restored = options.upper !== undefined;
    this.net = options.network === false ? undefined : new Stack({ cpu, name });
    const root = new OverlayFs(image.layers, { now, upper: options.upper });
    this.rootFs = root;
    this.vfs = new Vfs(root, { now, rootInfo: ROOT_INFO });
    this.kernel = new Kernel({
      cpu, vfs: this.vfs, hostname: name, quota: options.quota, programs: (n) => image.programs.get(n), net: this.net,
      caches: image.caches,
    });
    attachSys(this.kernel);
    const procExtra = options.procExtra;
    this.vfs.mount('/proc', new GenFs(lazyDir(() => procRoot(this.kernel, this.procEntries(procExtra))), { fstype: 'proc', now,
      lenient: lenientProcFile }), PROC_INFO);
    this.dev = new OverlayFs([image.devLayer], { now });
    this.vfs.mount('/dev', this.dev, DEV_INFO);
    this.vfs.mount('/dev/pts', new DevPtsFs(() => this.kernel.ttys, now), DEVPTS_MOUNT);
    if (options.shared) this.vfs.mount('/shared', options.shared, SHARED_INFO);
  }

  /** /proc's entries beyond the kernel's, made with /proc's root: `extra`, and net and sys/net with a stack. */
  private procEntries(extra: Record<string, GenNode> | undefined): Record<string, GenNode> {
    const entries: Record<string, GenNode> = { ...extra };
    const net = this.net;
    if (net) {
      entries['net'] = lazyDir(() => procNet(net, { unix: { kind: 'file', read: () => procNetUnix(this.kernel.unix) } }));
      entries['sys'] = staticDir({ net: lazyDir(() => this.sysNet()!) });
    }
    return entries;
  }

  /** /proc/sys/net: one tree for the file system and writeSysctl (it holds neigh/default's values). */
  private sysNet(): GenDir | undefined {
    if (!this.net) return undefined;
    return (this.sysNetDir ??= procSysNet(this.net));
  }

  /** Adds an Ethernet interface (down, as a new veth is); the lab plugs it into a collision domain. */
  addInterface(name: string, mac: number): NetInterface {
    if (!this.net) throw new Error(`${this.name} has no network stack`);
    return this.net.addEthernet(name, mac);
  }

  /** Starts init (pid 1) and writes the per-guest files (/etc/hostname, /etc/hosts) unless restored; brings up lo. */
  boot(): void {
    if (this.net) {
      this.net.config.changeLink(1, { up: true });
      this.net.config.addAddress({ ifindex: 1, address: 0x7f000001, prefixLength: 8 });
    }
    // A guest restored from a saved layer keeps its own (possibly edited) files.
    if (!this.restored) {
      // Both files keep the bytes encoded here (no copy); /etc/hosts shares one encoding of its text with
      // every guest of the image (copy-on-write: a change copies them first).
      this.vfs.writeFileShared('/etc/hostname', utf8Encode(`${this.name}\n`));
      const encoded = this.kernel.caches.space('hosts');
      let hosts = encoded.get(this.hosts) as Uint8Array | undefined;
      if (!hosts) encoded.set(this.hosts, (hosts = utf8Encode(this.hosts)));
      this.vfs.writeFileShared('/etc/hosts', hosts);
    }
    const init = this.image.programs.get('init');
    if (init) spawnProgram(this.kernel, init, '/sbin/init', ['/sbin/init'], { envp: [], cwd: '/' });
    else {
      const r = spawnProcess(this.kernel, '/sbin/init', ['/sbin/init'], { envp: [], cwd: '/' });
      if (typeof r === 'number') throw new Error(`cannot start init: errno ${-r}`);
    }
  }

  /**
   * Sets a `net.*` sysctl as `sysctl -w KEY=VALUE` does, by writing VALUE and a newline to its
   * /proc/sys file (the same handler, so the same checks), without resolving the path through the VFS.
   * Returns 0 or -errno (ENOENT for an unknown key).
   */
  writeSysctl(key: string, value: string): number {
    const parts = key.split('.');
    const sysNet = parts[0] === 'net' ? this.sysNet() : undefined;
    if (!sysNet) return -ENOENT;
    let node: GenNode | undefined = sysNet;
    for (let i = 1; i < parts.length; i++) {
      if (node.kind !== 'dir') return -ENOTDIR;
      node = node.get(parts[i]!, ROOT);
      if (!node) return -ENOENT;
    }
    if (node.kind === 'dir') return -EISDIR;
    if (node.kind !== 'file' || !node.write) return -EACCES;
    const r = node.write(utf8Encode(`${value}\n`), ROOT);
    return r < 0 ? r : 0;
  }

  get halted(): boolean {
    return this.kernel.halted;
  }

  /** The environment of commands the host runs (as `docker exec` gives it). */
  env(extra: Record<string, string> = {}): string[] {
    const base: Record<string, string> = { PATH: DEFAULT_PATH, HOSTNAME: this.name, HOME: '/root' };
    for (const k in this.extraEnv) base[k] = this.extraEnv[k]!;
    for (const k in extra) base[k] = extra[k]!;
    const out: string[] = [];
    for (const k in base) out.push(`${k}=${base[k]}`);
    return out;
  }

  /** Starts `bash -c command` with stdout and stderr captured together; returns the process or -errno. */
  startCommand(command: string, capture: Capture, options: { cwd?: string; shell?: string } = {}): Process | number {
    const shell = options.shell ?? '/bin/bash';
    return this.startArgv([shell, '-c', command], capture, { cwd: options.cwd });
  }

  /**
   * Starts a program by argv (argv[0] is the path), stdout and stderr captured together, stdin from
   * `stdin` bytes (or /dev/null). Returns the process or -errno.
   */
  startArgv(argv: readonly string[], capture: Capture,
    options: { cwd?: string; stdin?: Uint8Array; env?: Record<string, string>; /** Program file when argv[0] is not its path ('bash'). */ path?: string } = {}):
    Process | number {
    const out = captureFile(capture);
    const input = options.stdin ? feedFile(options.stdin) : this.openHostFile('/dev/null');
    const proc = spawnProcess(this.kernel, options.path ?? argv[0]!, argv, {
      envp: this.env(options.env), cwd: options.cwd ?? '/', fds: [input, out, out],
    });
    out.unref();
    input.unref();
    return proc;
  }

  private openHostFile(path: string): OpenFile {
    const init = this.kernel.init;
    if (!init) throw new Error('guest not booted');
    const sys = this.kernel.makeSys(this.kernel, init);
    const fd = sys.open(path, O_RDONLY);
    const file = init.fds.file(fd)!.ref();
    init.fds.close(fd);
    return file;
  }

  /** Opens a console: a new pseudo-terminal with an interactive shell on it, as `docker exec -it DEV bash`. */
  openConsole(sink: (bytes: Uint8Array) => void, size = { cols: 80, rows: 24 }, shell = '/bin/bash'): Console | number {
    const tty = this.kernel.openPty();
    tty.sink = sink;
    // A new terminal starts with the shared 80x24 size; a console of another size gets its own.
    if (size.rows !== tty.winsize.rows || size.cols !== tty.winsize.cols) tty.winsize = { rows: size.rows, cols: size.cols };
    const proc = spawnProcess(this.kernel, shell, CONSOLE_ARGV, { envp: this.consoleEnv(shell), cwd: '/root', tty });
    if (typeof proc === 'number') {
      this.kernel.closePty(tty);
      return proc;
    }
    const kernel = this.kernel;
    const vfs = this.vfs;
    const exited = kernel.whenExited(proc.pid).then((status) => {
      kernel.closePty(tty);
      return status;
    });
    return new GuestConsole(tty, proc.pid, exited, kernel);
  }

  /** The environment of a console's shell: env() with the variables `docker exec -it` adds. */
  private consoleEnv(shell: string): string[] {
    // Without lab variables the list is written out directly: the names and order env() gives them.
    if (this.extraEnv !== NO_ENV) return this.env({ TERM: 'xterm', SHELL: shell, USER: 'root', LOGNAME: 'root', PWD: '/root' });
    return [PATH_VAR, `HOSTNAME=${this.name}`, 'HOME=/root', 'TERM=xterm', `SHELL=${shell}`, 'USER=root', 'LOGNAME=root',
      'PWD=/root'];
  }
}

/** A console's ways in: one small object, its methods on the prototype (no closures per console). */
class GuestConsole implements Console {
  constructor(
    readonly tty: Tty,
    readonly pid: number,
    readonly exited: Promise<number>,
    private readonly kernel: Kernel,
  ) {}

  input(bytes: Uint8Array): void {
    this.tty.receive(bytes);
  }

  resize(cols: number, rows: number): void {
    this.tty.setWinsize({ cols, rows });
  }

  ack(n: number): void {
    this.tty.ack(n);
  }

  close(): void {
    this.kernel.closePty(this.tty);
  }
}

/** The exit code a shell shows for a wait status. */
export function exitCodeOf(status: number): number {
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

