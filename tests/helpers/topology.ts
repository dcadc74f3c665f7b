// Test helper: N guests on one Cpu, their interfaces (given names and MACs) plugged into collision
// domains, and commands run in any of them through `bash -c`, in fast virtual time.
import { Cpu, Driver, Guest, Capture, exitCodeOf } from '../../core/index.ts';
import { CollisionDomain, connect } from '../../core/net/fabric/index.ts';
import { parseMacAddress } from '../../core/net/wire/index.ts';
import { nodeHost } from '../../server/host.ts';
import { sharedImage, type RunResult } from './guest.ts';

export interface IfaceSpec {
  name: string;
  /** "02:00:00:00:00:01" */
  mac: string;
  /** Collision domain name. */
  domain: string;
}

export class TestTopology {
  readonly cpu: Cpu;
  readonly driver: Driver;
  readonly guests = new Map<string, Guest>();
  readonly domains = new Map<string, CollisionDomain>();

  /** `hosts`: host name -> interfaces in creation order (ifindex 2, 3 ...). */
  constructor(hosts: Record<string, readonly IfaceSpec[]>, options: { seed?: number } = {}) {
    this.cpu = new Cpu({ seed: options.seed ?? 1 });
    this.driver = new Driver(this.cpu, nodeHost);
    for (const [name, ifaces] of Object.entries(hosts)) {
      const g = new Guest({ cpu: this.cpu, name, image: sharedImage() });
      g.boot();
      for (const i of ifaces) {
        const mac = parseMacAddress(i.mac);
        if (mac === null) throw new Error(`bad MAC ${i.mac}`);
        const dev = g.addInterface(i.name, mac);
        connect(g.net!, dev, this.domain(i.domain));
      }
      this.guests.set(name, g);
    }
  }

  domain(name: string): CollisionDomain {
    let d = this.domains.get(name);
    if (!d) this.domains.set(name, (d = new CollisionDomain(name, this.cpu)));
    return d;
  }

  guest(name: string): Guest {
    const g = this.guests.get(name);
    if (!g) throw new Error(`no guest ${name}`);
    return g;
  }

  /** Runs `bash -c command` in `host`; stdout and stderr as one string. */
  async sh(host: string, command: string): Promise<RunResult> {
    const g = this.guest(host);
    const cap = new Capture();
    const proc = g.startCommand(command, cap, { cwd: '/root' });
    if (typeof proc === 'number') throw new Error(`cannot start bash in ${host}: errno ${-proc}`);
    let status = -1;
    void g.kernel.whenExited(proc.pid).then((s) => (status = s));
    const ok = await this.driver.runUntil(() => status >= 0);
    if (!ok) throw new Error(`${host}: process ${proc.pid} never ended (deadlock)`);
    return { exitCode: exitCodeOf(status), output: new TextDecoder().decode(cap.bytes()) };
  }
}
