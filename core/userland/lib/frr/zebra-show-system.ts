// zebra's answers about itself, as FRR 8.4.4 prints them: `show version` (lib/command.c show_version,
// which real vtysh answers itself with the same text) and `show ip protocol` (zebra_routemap.c).
import type { Utsname } from '../../../kernel/abi.ts';
import { FRR_CONFIG_ARGS, FRR_VERSION } from './paths.ts';


/**
 * `show version`: the banner with the system's host name (vtysh's own, not a `hostname` typed into
 * FRR) and kernel release.
 */
export function showVersion(u: Utsname): string {
  return `FRRouting ${FRR_VERSION} (${u.nodename}) on ${u.sysname}(${u.release}).\n` +
    'Copyright 1996-2005 Kunihiro Ishiguro, et al.\n' +
    `configured with:\n    ${FRR_CONFIG_ARGS}\n`;
}

/** Every route type of lib/route_types.txt, in its order, as `show ip protocol` lists them. */
const PROTOCOLS = ['system', 'kernel', 'connected', 'static', 'rip', 'ripng', 'ospf', 'ospf6', 'isis', 'bgp', 'pim', 'eigrp',
  'nhrp', 'hsls', 'olsr', 'table', 'ldp', 'vnc', 'vnc-direct', 'vnc-rn', 'bgp-direct', 'bgp-direct-to-nve-groups', 'babel',
  'sharp', 'pbr', 'bfd', 'openfabric', 'vrrp', 'zebra', 'srte', 'wildcard', 'any'];

/** `show ip protocol`: the route-map filtering each source's routes (`ip protocol PROTO route-map NAME`). */
export function showIpProtocol(routeMaps: ReadonlyMap<string, string> = new Map()): string {
  return 'VRF: default\nProtocol                  : route-map\n-------------------------------------\n' +
    PROTOCOLS.map((p) => `${p.padEnd(26)}: ${routeMaps.get(p) ?? 'none'}\n`).join('');
}
