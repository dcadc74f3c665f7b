// What vtysh prints for `show ip ospf interface [IFNAME]` and `show ip ospf` (FRR 8.4.4's
// show_ip_ospf_interface_sub and show_ip_ospf_common; tests/golden/frr-ospf/expected holds real outputs).

import { broadcastOf, formatIpv4Address as ip } from '../../../../net/wire/ipv4-address.ts';
import { LsaType } from '../../../../net/wire/ospf-lsa.ts';
import type { OspfEngine, OspfInterfaceInfo } from './engine.ts';
import { routerIdAt, type OspfIface } from './interface.ts';
import { isAsbr } from './originate.ts';
import { isAbr } from './spf.ts';
import { timeText } from './show.ts';

const NETWORK_TYPE = { broadcast: 'BROADCAST', 'point-to-point': 'POINTOPOINT', loopback: 'LOOPBACK' } as const;

/** The first lines zebra's interface gives every `show ip ospf interface` block. */
function header(z: OspfInterfaceInfo): string {
  const flags = z.name === 'lo' ? '<UP,LOOPBACK,RUNNING>' : z.up ? '<UP,BROADCAST,RUNNING,MULTICAST>' : '<BROADCAST,MULTICAST>';
  return `${z.name} is ${z.up ? 'up' : 'down'}\n  ifindex ${z.ifindex}, MTU ${z.mtu} bytes, BW ${z.name === 'lo' ? 0 : 10000} Mbit ${flags}\n`;
}

function ifaceText(e: OspfEngine, i: OspfIface): string {
  const now = e.now();
  let out = `  Internet Address ${ip(i.address)}/${i.prefixLength}, Broadcast ${ip(broadcastOf(i.address, i.prefixLength))}, Area ${ip(i.area.id)}\n`
    + '  MTU mismatch detection: enabled\n'
    + `  Router ID ${ip(e.routerId)}, Network Type ${NETWORK_TYPE[i.type]}, Cost: ${i.cost}\n`
    + `  Transmit Delay is ${i.transmitDelay} sec, State ${i.state}, Priority ${i.priority}\n`;
  // A point-to-point interface has no DR line, but FRR still says it has no BDR.
  if (i.type === 'broadcast') {
    out += i.dr === 0 ? '  No designated router on this network\n'
      : `  Designated Router (ID) ${ip(routerIdAt(i, i.dr, e.routerId))} Interface Address ${ip(i.dr)}/${i.prefixLength}\n`;
  }
  out += i.bdr === 0 ? '  No backup designated router on this network\n'
    : `  Backup Designated Router (ID) ${ip(routerIdAt(i, i.bdr, e.routerId))}, Interface Address ${ip(i.bdr)}\n`;
  const groups = i.passive ? '<None>' : i.state === 'DR' || i.state === 'Backup' ? 'OSPFAllRouters OSPFDesignatedRouters' : 'OSPFAllRouters';
  out += `  Multicast group memberships: ${groups}\n`
    + `  Timer intervals configured, Hello ${i.hello}s, Dead ${i.dead}s, Wait ${i.dead}s, Retransmit ${i.retransmit}\n`;
  out += i.passive || i.helloAt === null ? '    No Hellos (Passive interface)\n' : `    Hello due in ${timeText(i.helloAt - now)}\n`;
  const nbrs = [...i.neighbors.values()].filter((n) => n.state !== 'Down');
  return `${out}  Neighbor Count is ${nbrs.length}, Adjacent neighbor count is ${nbrs.filter((n) => n.state === 'Full').length}\n`;
}

/** Every OSPF interface, or the one named (`OSPF not enabled` when OSPF does not run there). */
export function showInterfaces(e: OspfEngine, name?: string): string {
  const known = [...e.zebraIfaces].sort((a, b) => a.ifindex - b.ifindex);
  let out = '';
  for (const z of known) {
    if (name !== undefined && z.name !== name) continue;
    const i = e.ifaces.get(z.name);
    if (!i && name === undefined) continue;
    out += header(z) + (i ? ifaceText(e, i) : '  OSPF not enabled on this interface\n');
  }
  if (name !== undefined && !known.some((z) => z.name === name)) return 'No such interface name\n\n';
  return `${out}\n`;
}

const hex8 = (n: number) => `0x${(n >>> 0).toString(16).padStart(8, '0')}`;

export function showOspf(e: OspfEngine): string {
  const now = e.now();
  let out = ` OSPF Routing Process, Router ID: ${ip(e.routerId)}\n`
    + ' Supports only single TOS (TOS0) routes\n This implementation conforms to RFC2328\n'
    + ' RFC1583Compatibility flag is disabled\n OpaqueCapability flag is disabled\n'
    + ' Initial SPF scheduling delay 0 millisec(s)\n Minimum hold time between consecutive SPFs 50 millisec(s)\n'
    + ' Maximum hold time between consecutive SPFs 5000 millisec(s)\n Hold time multiplier is currently 1\n';
  out += e.lastSpf === null ? ' SPF algorithm has not been run\n' : ` SPF algorithm last executed ${timeText(now - e.lastSpf)} ago\n Last SPF duration 20 usecs\n`;
  out += ' SPF timer is inactive\n LSA minimum interval 5000 msecs\n LSA minimum arrival 1000 msecs\n Write Multiplier set to 20 \n'
    + ' Refresh timer 10 secs\n Maximum multiple paths(ECMP) supported 256\n Administrative distance 110\n';
  if (isAbr(e)) out += ' This router is an ABR, ABR type is: Alternative Cisco\n';
  if (isAsbr(e)) out += ' This router is an ASBR (injecting external routing information)\n';
  const ext = e.external.all();
  out += ` Number of external LSA ${ext.length}. Checksum Sum ${hex8(ext.reduce((s, l) => s + l.header.checksum, 0))}\n`
    + ' Number of opaque AS LSA 0. Checksum Sum 0x00000000\n'
    + ` Number of areas attached to this router: ${e.areas.size}\n`;
  const log = e.config.logAdjacency;
  if (log !== null) out += log === 'detail' ? ' All adjacency changes are logged\n' : ' Adjacency changes are logged\n';
  for (const a of [...e.areas.values()].sort((x, y) => x.id.id - y.id.id)) {
    const ifs = [...e.ifaces.values()].filter((i) => i.area.id === a.id.id);
    const full = ifs.reduce((s, i) => s + [...i.neighbors.values()].filter((n) => n.state === 'Full').length, 0);
    const all = a.lsdb.all();
    const count = (t: number) => {
      const l = all.filter((x) => x.header.lsType === t);
      return `${l.length}. Checksum Sum ${hex8(l.reduce((s, x) => s + x.header.checksum, 0))}`;
    };
    const backbone = a.id.id === 0;
    out += ` Area ID: ${ip(a.id.id)}${backbone ? ' (Backbone)' : ''}\n`
      + (backbone ? '' : `   Shortcutting mode: Default, S-bit consensus: ${isAbr(e) ? 'ok' : 'no'}\n`)
      + `   Number of interfaces in this area: Total: ${ifs.length}, Active: ${ifs.filter((i) => i.state !== 'Down').length}\n`
      + `   Number of fully adjacent neighbors in this area: ${full}\n   Area has no authentication\n`
      + (backbone ? '' : '   Number of full virtual adjacencies going through this area: 0\n')
      + `   SPF algorithm executed ${a.spfRuns} times\n   Number of LSA ${all.length}\n`
      + `   Number of router LSA ${count(LsaType.ROUTER)}\n   Number of network LSA ${count(LsaType.NETWORK)}\n`
      + `   Number of summary LSA ${count(LsaType.SUMMARY_NETWORK)}\n   Number of ASBR summary LSA ${count(LsaType.SUMMARY_ASBR)}\n`
      + '   Number of NSSA LSA 0. Checksum Sum 0x00000000\n   Number of opaque link LSA 0. Checksum Sum 0x00000000\n'
      + '   Number of opaque area LSA 0. Checksum Sum 0x00000000\n\n';
  }
  return `${out}\n`;
}
