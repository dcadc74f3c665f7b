// /proc/sys/net/ipv4/** of one stack as GenNode trees: the global switches, conf/{all,default,DEV}/* and
// neigh/{default,DEV}/*. Reads show the live values; writes change the real switches (ip_forward=1 turns
// forwarding on for every interface, as devinet_sysctl_forward() does).

import type { GenDir, GenNode } from '../../fs/types.ts';
import { EINVAL } from './errno.ts';
import type { NetInterface } from './interface.ts';
import { DEVCONF_DEFAULTS, DEVCONF_READONLY, IPV4_DEFAULTS, IPV4_TEXT_DEFAULTS, NEIGH_DEFAULTS, withValue, type DevConfKey, type NeighParams } from './sysctl.ts';
import type { Stack } from './stack.ts';

/** Sysctl values are ASCII (at most a page is looked at). A plain loop: spreading a typed array into
 * String.fromCharCode goes through its iterator, several microseconds for a two-byte write. */
const dec = {
  decode: (b: Uint8Array): string => {
    let s = '';
    for (let i = 0, n = Math.min(b.length, 4096); i < n; i++) s += String.fromCharCode(b[i]!);
    return s;
  },
};

/** The names of a directory whose entries never change, in listing order, with a set for lookups. */
interface Names {
  list: string[];
  has: Set<string>;
}

function names(list: string[]): Names {
  return { list, has: new Set(list) };
}

/**
 * A directory over fixed names: the listing is shared, lookups test a set. Nodes are made per lookup (sysctl
 * -w at boot touches each key once, so keeping them would only hold memory).
 */
function fixedDir(known: Names, make: (name: string) => GenNode | undefined): GenDir {
  return { kind: 'dir', list: () => known.list, get: (n) => (known.has.has(n) ? make(n) : undefined) };
}

/**
 * A write to ip_local_port_range (Linux's ipv4_local_port_range): the values given replace the first
 * ones, extra ones are ignored; each in 1..65535, low <= high and low not below ip_unprivileged_port_start.
 */
function portRange(words: string[], old: string, unprivilegedStart: number): string | null {
  const range = old.split('\t').map(Number);
  for (let i = 0; i < 2 && i < words.length; i++) {
    if (!/^[0-9]+$/.test(words[i]!)) return null;
    range[i] = Number(words[i]);
  }
  const [low, high] = range as [number, number];
  if (low < 1 || high > 65535 || high < low || low < unprivilegedStart) return null;
  return `${low}\t${high}`;
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

const DEVCONF_NAMES = names(Object.keys(DEVCONF_DEFAULTS));
const NEIGH_NAMES = names([...Object.keys(NEIGH_DEFAULTS), 'base_reachable_time', 'retrans_time'].sort());
const ROUTE_NAMES = names(['flush', 'min_adv_mss', 'min_pmtu', 'mtu_expires']);
// A stack's tables have the keys of their defaults (writes only change values), so the listing is fixed.
const IPV4_NAMES = names(['conf', 'neigh', 'route', ...[...Object.keys(IPV4_DEFAULTS), ...Object.keys(IPV4_TEXT_DEFAULTS)].sort()]);
const NET_NAMES = names(['ipv4']);

function confDir(stack: Stack, which: NetInterface | 'all' | 'default'): GenDir {
  const conf = () => (which === 'all' ? stack.confAll : which === 'default' ? stack.confDefault : which.conf);
  return fixedDir(DEVCONF_NAMES, (name) => {
    const key = name as DevConfKey;
    if (DEVCONF_READONLY.has(key)) return intFile(() => conf()[key]);
    return intFile(() => conf()[key], (v) => {
      if (key === 'forwarding' && which === 'all') stack.setForwarding(v !== 0);
      else stack.setConf(which, key, v);
    });
  });
}

/** neigh/X: `p` reads the current table, `set` replaces it. */
function neighDir(p: () => NeighParams, set: (params: NeighParams) => void): GenDir {
  const write = (key: keyof NeighParams, v: number) => set(withValue(p(), key, v));
  return fixedDir(NEIGH_NAMES, (name) => {
    if (name === 'base_reachable_time') return intFile(() => Math.floor(p().base_reachable_time_ms / 1000), (v) => write('base_reachable_time_ms', v * 1000));
    // retrans_time is in USER_HZ (1/100 s).
    if (name === 'retrans_time') return intFile(() => Math.floor(p().retrans_time_ms / 10), (v) => write('retrans_time_ms', v * 10));
    const key = name as keyof NeighParams;
    return intFile(() => p()[key], (v) => write(key, v));
  });
}

/** The `net` directory under /proc/sys (procExtra: { sys: { kind:'dir', ... net } }). */
export function procSysNet(stack: Stack): GenDir {
  let defaultNeigh: NeighParams = NEIGH_DEFAULTS;
  const devNames = () => [...stack.interfaces.values()].map((d) => d.name);
  const conf: GenDir = {
    kind: 'dir',
    list: () => ['all', 'default', ...devNames()],
    get: (name) => {
      if (name === 'all' || name === 'default') return confDir(stack, name);
      const dev = stack.ifaceByName(name);
      return dev ? confDir(stack, dev) : undefined;
    },
  };
  const neigh: GenDir = {
    kind: 'dir',
    list: () => ['default', ...devNames()],
    get: (name) => {
      if (name === 'default') return neighDir(() => defaultNeigh, (p) => (defaultNeigh = p));
      const dev = stack.ifaceByName(name);
      return dev ? neighDir(() => dev.neigh, (p) => (dev.neigh = p)) : undefined;
    },
  };
  // route/: the next-hop exception knobs of this namespace; writing `flush` makes every exception stale.
  const ex = stack.routeExceptions;
  const route = fixedDir(ROUTE_NAMES, (name) => {
    switch (name) {
      case 'flush': return { kind: 'file', mode: 0o200, read: () => '', write: (data: Uint8Array) => (ex.flush(), data.length) };
      case 'min_adv_mss': return intFile(() => ex.minAdvMss, (v) => (ex.minAdvMss = v));
      // ipv4_route_netns_table: min_pmtu is proc_dointvec_minmax with a floor of IPV4_MIN_MTU (68).
      case 'min_pmtu': return intFile(() => ex.minPmtu, (v) => (ex.minPmtu = v), (v) => v >= 68);
      case 'mtu_expires': return intFile(() => ex.mtuExpires, (v) => (ex.mtuExpires = v));
      default: return undefined;
    }
  });
  const ipv4 = fixedDir(IPV4_NAMES, (name) => {
    if (name === 'conf') return conf;
    if (name === 'neigh') return neigh;
    if (name === 'route') return route;
    if (name === 'ip_forward') return intFile(() => stack.sysctl.ip_forward, (v) => stack.setForwarding(v !== 0));
    if (Object.hasOwn(stack.sysctl, name)) {
      const k = name as keyof typeof stack.sysctl;
      return intFile(() => stack.sysctl[k], (v) => stack.setSysctl(k, v));
    }
    if (Object.hasOwn(stack.sysctlText, name)) {
      return {
        kind: 'file', mode: 0o644, read: () => `${stack.sysctlText[name]}\n`,
        write: (data: Uint8Array) => {
          const words = dec.decode(data).trim().split(/\s+/);
          const value = name === 'ip_local_port_range' ? portRange(words, stack.sysctlText[name]!, stack.sysctl.ip_unprivileged_port_start) : words.join('\t');
          if (value === null) return -EINVAL;
          stack.setSysctlText(name, value);
          return data.length;
        },
      };
    }
    return undefined;
  });
  return fixedDir(NET_NAMES, () => ipv4);
}
