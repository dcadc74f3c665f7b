// Test helpers: boot a guest in fast virtual time and run programs or shell commands in it.
import { Cpu, Driver, Guest, buildBaseImage, Capture, exitCodeOf, type Image } from '../../core/index.ts';
import { nodeHost } from '../../server/host.ts';

export interface RunResult {
  exitCode: number;
  output: string;
}

export class TestGuest {
  readonly cpu: Cpu;
  readonly driver: Driver;
  readonly guest: Guest;

  constructor(options: { name?: string; image?: Image; seed?: number } = {}) {
    this.cpu = new Cpu({ seed: options.seed ?? 1 });
    this.driver = new Driver(this.cpu, nodeHost);
    this.guest = new Guest({ cpu: this.cpu, name: options.name ?? 'pc', image: options.image ?? sharedImage() });
    this.guest.boot();
  }

  /** Runs argv (argv[0] a path or a name under /usr/bin) to completion; stdout+stderr as one string. */
  async run(argv: string[], options: { stdin?: string; cwd?: string; env?: Record<string, string> } = {}): Promise<RunResult> {
    const cap = new Capture();
    const path = argv[0]!.includes('/') ? argv[0]! : `/usr/bin/${argv[0]}`;
    const proc = this.guest.startArgv([path, ...argv.slice(1)], cap, {
      cwd: options.cwd, env: options.env,
      stdin: options.stdin === undefined ? undefined : new TextEncoder().encode(options.stdin),
    });
    if (typeof proc === 'number') throw new Error(`cannot start ${argv[0]}: errno ${-proc}`);
    return this.finish(proc.pid, cap);
  }

  /**
   * Opens a console and waits for its prompt. `type` sends keys, runs 10 ms of virtual time and gives what
   * the terminal showed meanwhile (carriage returns dropped with `plain`); `exited` is the shell's end.
   */
  async console(options: { plain?: boolean } = {}): Promise<{
    type: (keys: string) => Promise<string>;
    resize: (cols: number, rows: number) => void;
    exited: Promise<number>;
  }> {
    let screen = '';
    const con = this.guest.openConsole((b) => (screen += new TextDecoder().decode(b)));
    if (typeof con === 'number') throw new Error(`cannot open a console: errno ${-con}`);
    await this.driver.runFor(10e6);
    return {
      exited: con.exited,
      resize: (cols, rows) => con.resize(cols, rows),
      type: async (keys: string) => {
        screen = '';
        con.input(new TextEncoder().encode(keys));
        await this.driver.runFor(10e6);
        return options.plain ? screen.replace(/\r/g, '') : screen;
      },
    };
  }

  /** Runs `bash -c command`. */
  async sh(command: string, options: { cwd?: string } = {}): Promise<RunResult> {
    const cap = new Capture();
    const proc = this.guest.startCommand(command, cap, options);
    if (typeof proc === 'number') throw new Error(`cannot start bash: errno ${-proc}`);
    return this.finish(proc.pid, cap);
  }

  private async finish(pid: number, cap: Capture): Promise<RunResult> {
    let status = -1;
    void this.guest.kernel.whenExited(pid).then((s) => (status = s));
    const ok = await this.driver.runUntil(() => status >= 0);
    if (!ok) throw new Error(`process ${pid} never ended (deadlock)`);
    return { exitCode: exitCodeOf(status), output: new TextDecoder().decode(cap.bytes()) };
  }
}

let image: Image | undefined;
/** One image for the whole test file (building it is the slow part). */
export function sharedImage(): Image {
  image ??= buildBaseImage();
  return image;
}
