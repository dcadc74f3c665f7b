// Test helper: several booted Guests on one Cpu, wired by collision domains and configured through the
// stack's configuration interface (what `ip` uses), plus a way to run inline programs (sys => exit code)
// in a guest in fast virtual time.
import { Cpu, Driver, Guest, type Image } from '../../core/index.ts';
import { AF_INET, type Program, type Sockaddr, type Sys } from '../../core/kernel/abi.ts';
import { CollisionDomain, connect } from '../../core/net/fabric/index.ts';
import { parseIpv4Address, parseIpv4Cidr, type Ipv4Address } from '../../core/net/wire/index.ts';
import { nodeHost } from '../../server/host.ts';
import { sharedImage } from './guest.ts';

export const ip = (s: string): Ipv4Address => parseIpv4Address(s)!;

/** An IPv4 socket address. */
export const inet = (a: string, port: number): Sockaddr => ({ family: AF_INET, addr: ip(a), port });

/** Guests a (10.0.0.1) and b (10.0.0.2) on one collision domain. */
export function twoHosts(): NetLab {
  const lab = new NetLab();
  lab.link('a', 'eth0', 'A', '10.0.0.1/24');
  lab.link('b', 'eth0', 'A', '10.0.0.2/24');
  return lab;
}

export interface Running {
  pid: number;
  /** The exit status once it ended (-1 before). */
  status: number;
  done: Promise<number>;
}

export class NetLab {
  readonly cpu: Cpu;
  readonly driver: Driver;
  readonly guests = new Map<string, Guest>();
  readonly domains = new Map<string, CollisionDomain>();
  private macSeq = 1;
  private readonly image: Image;
  /** Exceptions thrown by programs (a failed expect()); wait() rethrows the first. */
  private readonly failures: unknown[] = [];

  constructor(options: { seed?: number; image?: Image } = {}) {
    this.cpu = new Cpu({ seed: options.seed ?? 1 });
    this.driver = new Driver(this.cpu, nodeHost);
    this.image = options.image ?? sharedImage();
  }

  /** The guest `name`, created and booted on first use. */
  guest(name: string): Guest {
    let g = this.guests.get(name);
    if (!g) {
      g = new Guest({ cpu: this.cpu, name, image: this.image });
      g.boot();
      this.guests.set(name, g);
    }
    return g;
  }

  domain(name: string): CollisionDomain {
    let d = this.domains.get(name);
    if (!d) this.domains.set(name, (d = new CollisionDomain(name, this.cpu)));
    return d;
  }

  /** Adds interface `ifname` to `host` on collision domain `cd`, with address `cidr`, up. Returns its ifindex. */
  link(host: string, ifname: string, cd: string, cidr: string): number {
    const g = this.guest(host);
    const dev = g.addInterface(ifname, 0x02_00_00_00_00_00 + this.macSeq++);
    const net = g.net!;
    connect(net, dev, this.domain(cd));
    const c = parseIpv4Cidr(cidr)!;
    ok(net.config.addAddress({ ifindex: dev.ifindex, address: c.address, prefixLength: c.prefixLength }));
    ok(net.config.changeLink(dev.ifindex, { up: true }));
    return dev.ifindex;
  }

  route(host: string, cidr: string, via: string): void {
    const c = parseIpv4Cidr(cidr)!;
    ok(this.guest(host).net!.config.addRoute({ dst: c.address, prefixLength: c.prefixLength, gateway: ip(via) }));
  }

  /** Starts an inline program as a top-level process of `host`. */
  start(host: string, program: (sys: Sys) => Promise<number>, options: { uid?: number } = {}): Running {
    const k = this.guest(host).kernel;
    const proc = k.newProcess(null);
    proc.sid = proc.pgid = proc.pid;
    if (options.uid !== undefined) proc.uid = proc.euid = proc.gid = proc.egid = options.uid;
    proc.comm = 'test';
    const r: Running = { pid: proc.pid, status: -1, done: k.whenExited(proc.pid) };
    void r.done.then((s) => (r.status = s));
    const guarded: Program = async (sys) => {
      try {
        return await program(sys);
      } catch (err) {
        this.failures.push(err);
        return 99;
      }
    };
    k.startImage(proc, guarded, ['test'], []);
    return r;
  }

  /** Runs the lab until every program ended; their exit codes (throws on deadlock). */
  async wait(...runs: Running[]): Promise<number[]> {
    const okay = await this.driver.runUntil(() => runs.every((r) => r.status >= 0) || this.failures.length > 0);
    if (this.failures.length) throw this.failures[0];
    if (!okay) throw new Error('programs never ended (deadlock)');
    return runs.map((r) => (r.status >> 8) & 0xff);
  }

  /** Starts and waits for one program. */
  async run(host: string, program: (sys: Sys) => Promise<number>, options: { uid?: number } = {}): Promise<number> {
    const [code] = await this.wait(this.start(host, program, options));
    return code!;
  }
}

function ok(r: unknown): void {
  if (r !== 0) throw new Error(`config failed: ${JSON.stringify(r)}`);
}
