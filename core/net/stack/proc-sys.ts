// /proc/sys/net/ipv4/** of one stack as GenNode trees: the global switches, conf/{all,default,DEV}/* and
// neigh/{default,DEV}/*. Reads show the live values; writes change the real switches (ip_forward=1 turns
// forwarding on for every interface, as devinet_sysctl_forward() does).

import type { GenDir, GenNode } from '../../fs/types.ts';
import { EINVAL } from './errno.ts';
import type { NetInterface } from './interface.ts';
import { DEVCONF_DEFAULTS, DEVCONF_READONLY, NEIGH_DEFAULTS, type DevConf, type DevConfKey, type NeighParams } from './sysctl.ts';
import type { Stack } from './stack.ts';

/** Sysctl values are ASCII. */
const dec = { decode: (b: Uint8Array): string => String.fromCharCode(...b.subarray(0, 4096)) };

function dir(list: () => string[], get: (name: string) => GenNode | undefined): GenDir {
  return { kind: 'dir', list, get: (n) => (list().includes(n) ? get(n) : undefined) };
}

/** A sysctl file holding one integer: proc_dointvec semantics (leading/trailing blanks ok, else EINVAL). */
function intFile(read: () => number, write?: (v: number) => void, valid: (v: number) => boolean = () => true): GenNode {
  return {
    kind: 'file',
    mode: write ? 0o644 : 0o444,
    read: () => `${read()}\n`,
    ...(write ? {
      write: (data: Uint8Array) => {
        const text = dec.decode(data).trim();
        if (!/^-?[0-9]+$/.test(text) || !valid(Number(text))) return -EINVAL;
        write(Number(text));
        return data.length;
      },
    } : {}),
  };
}

function confDir(stack: Stack, conf: () => DevConf, dev: NetInterface | null, which: 'all' | 'default' | 'dev'): GenDir {
  const keys = Object.keys(DEVCONF_DEFAULTS) as DevConfKey[];
  return dir(() => keys, (name) => {
    const key = name as DevConfKey;
    if (DEVCONF_READONLY.has(key)) return intFile(() => conf()[key]);
    return intFile(() => conf()[key], (v) => {
      if (key === 'forwarding' && which === 'all') stack.setForwarding(v !== 0);
      else conf()[key] = v;
      void dev;
    });
  });
}

function neighDir(p: () => NeighParams): GenDir {
  const names = [...Object.keys(NEIGH_DEFAULTS), 'base_reachable_time', 'retrans_time'].sort();
  return dir(() => names, (name) => {
    if (name === 'base_reachable_time') return intFile(() => Math.floor(p().base_reachable_time_ms / 1000), (v) => (p().base_reachable_time_ms = v * 1000));
    // retrans_time is in USER_HZ (1/100 s).
    if (name === 'retrans_time') return intFile(() => Math.floor(p().retrans_time_ms / 10), (v) => (p().retrans_time_ms = v * 10));
    const key = name as keyof NeighParams;
    return intFile(() => p()[key], (v) => (p()[key] = v));
  });
}

/** The `net` directory under /proc/sys (procExtra: { sys: { kind:'dir', ... net } }). */
export function procSysNet(stack: Stack): GenDir {
  const defaultNeigh = { ...NEIGH_DEFAULTS };
  const devNames = () => [...stack.interfaces.values()].map((d) => d.name);
  const conf = dir(() => ['all', 'default', ...devNames()], (name) => {
    if (name === 'all') return confDir(stack, () => stack.confAll, null, 'all');
    if (name === 'default') return confDir(stack, () => stack.confDefault, null, 'default');
    const dev = stack.ifaceByName(name);
    return dev ? confDir(stack, () => dev.conf, dev, 'dev') : undefined;
  });
  const neigh = dir(() => ['default', ...devNames()], (name) => {
    if (name === 'default') return neighDir(() => defaultNeigh);
    const dev = stack.ifaceByName(name);
    return dev ? neighDir(() => dev.neigh) : undefined;
  });
  // route/: the next-hop exception knobs of this namespace; writing `flush` makes every exception stale.
  const ex = stack.routeExceptions;
  const route = dir(() => ['flush', 'min_adv_mss', 'min_pmtu', 'mtu_expires'], (name) => {
    switch (name) {
      case 'flush': return { kind: 'file', mode: 0o200, read: () => '', write: (data: Uint8Array) => (ex.flush(), data.length) };
      case 'min_adv_mss': return intFile(() => ex.minAdvMss, (v) => (ex.minAdvMss = v));
      // ipv4_route_netns_table: min_pmtu is proc_dointvec_minmax with a floor of IPV4_MIN_MTU (68).
      case 'min_pmtu': return intFile(() => ex.minPmtu, (v) => (ex.minPmtu = v), (v) => v >= 68);
      case 'mtu_expires': return intFile(() => ex.mtuExpires, (v) => (ex.mtuExpires = v));
      default: return undefined;
    }
  });
  const ints = Object.keys(stack.sysctl) as Array<keyof typeof stack.sysctl>;
  const texts = Object.keys(stack.sysctlText);
  const ipv4 = dir(() => ['conf', 'neigh', 'route', ...[...ints, ...texts].sort()], (name) => {
    if (name === 'conf') return conf;
    if (name === 'neigh') return neigh;
    if (name === 'route') return route;
    if (name === 'ip_forward') return intFile(() => stack.sysctl.ip_forward, (v) => stack.setForwarding(v !== 0));
    if ((ints as string[]).includes(name)) {
      const k = name as keyof typeof stack.sysctl;
      return intFile(() => stack.sysctl[k], (v) => (stack.sysctl[k] = v));
    }
    if (texts.includes(name)) {
      return {
        kind: 'file', mode: 0o644, read: () => `${stack.sysctlText[name]}\n`,
        write: (data: Uint8Array) => {
          stack.sysctlText[name] = dec.decode(data).trim().split(/\s+/).join('\t');
          return data.length;
        },
      };
    }
    return undefined;
  });
  return dir(() => ['ipv4'], (n) => (n === 'ipv4' ? ipv4 : undefined));
}
