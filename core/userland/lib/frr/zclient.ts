// A protocol daemon's side of /var/run/frr/zserv.api: connects (retrying while zebra is not up yet, as
// FRR's zclient does every few seconds), says hello, and hands zebra's messages to the daemon.
import { parseIpv4Address } from '../../../net/wire/ipv4-address.ts';
import { connectLocal, type Channel } from './channel.ts';
import { ZSERV_PATH } from './paths.ts';
import type { Reactor } from './reactor.ts';
import type { RouteType } from './rib.ts';
import type { FromZebra, ToZebra, ZInterfaceInfo, ZNexthop, ZRoute, ZTrack } from './zapi.ts';

export interface ZclientHandlers {
  interfaces?(list: ZInterfaceInfo[]): void;
  redist?(routes: ZRoute[]): void;
  /** What zebra says of the tracked addresses (all of them, each time one changes). */
  nht?(list: ZNexthop[]): void;
  /** Connected (again): send the routes and subscriptions zebra must know. */
  connected?(): void;
}

export class Zclient {
  private ch: Channel | null = null;
  private readonly backlog: ToZebra[] = [];

  constructor(private readonly reactor: Reactor, private readonly name: string, private readonly handlers: ZclientHandlers) {}

  async start(): Promise<void> {
    const ch = await connectLocal(this.reactor.sys, ZSERV_PATH);
    if (typeof ch === 'number') {
      this.reactor.after(1000, () => this.start());
      return;
    }
    this.ch = ch;
    await ch.send({ hello: this.name } satisfies ToZebra);
    for (const m of this.backlog.splice(0)) await ch.send(m);
    this.handlers.connected?.();
    this.reactor.watch(ch.fd, async () => {
      for (const m of await ch.receive()) this.dispatch(m as FromZebra);
      if (ch.closed) {
        this.reactor.unwatch(ch.fd);
        ch.close();
        this.ch = null;
        this.reactor.after(1000, () => this.start());
      }
    });
  }

  private dispatch(m: FromZebra): void {
    if (typeof m !== 'object' || m === null) return;
    if ('interfaces' in m && Array.isArray(m.interfaces)) this.handlers.interfaces?.(m.interfaces);
    else if ('redist' in m && Array.isArray(m.redist)) this.handlers.redist?.(m.redist);
    else if ('nht' in m && Array.isArray(m.nht)) this.handlers.nht?.(m.nht);
  }

  send(m: ToZebra): void {
    if (this.ch) void this.ch.send(m);
    else this.backlog.push(m);
  }

  add(route: ZRoute): void {
    this.send({ add: route });
  }

  del(route: ZRoute): void {
    this.send({ del: route });
  }

  redistribute(types: RouteType[]): void {
    this.send({ redistribute: types });
  }

  /** The addresses to track (sent when they change, and again after a reconnection). */
  track(list: ZTrack[]): void {
    this.send({ track: list });
  }
}

/** Whether a dotted quad is valid (routes with bad addresses are never sent). */
export const validAddress = (s: string): boolean => parseIpv4Address(s) !== null;
