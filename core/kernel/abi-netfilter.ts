// Netfilter in the ABI: the IPv4 packet filter tables as iptables reads and writes them. As with
// IPT_SO_GET_ENTRIES / IPT_SO_SET_REPLACE, a program reads a whole table with its counters, changes its
// copy, and hands the whole table back; the kernel checks it and swaps it in at once, so a packet meets
// either the old rules or the new ones. Names of protocols, hosts and ports are the program's business:
// the kernel sees numbers. Addresses are IPv4 as unsigned 32-bit numbers, MACs as 48-bit numbers.

import type { RtResult } from './abi-net.ts';
import type { IptTable } from '../net/filter/rules.ts';

export { CtState } from '../net/filter/rules.ts';
export type { IptChain, IptIface, IptMatch, IptNatRange, IptPorts, IptRejectWith, IptRule, IptTable, IptTarget } from '../net/filter/rules.ts';

export interface SysNetfilter {
  /**
   * A copy of table `name` with its counters; null when the kernel knows the table but nothing was ever
   * written to it (its built-in chains are then empty with policy ACCEPT); -ENOENT when the kernel has no
   * such table.
   */
  iptGet(name: string): IptTable | null | number;
  /**
   * Replaces a table whole. Fails with -ENOENT for a table the kernel does not have, -EINVAL for a table
   * whose built-in chains are missing or misplaced, a chain named twice, a policy on a user chain or a
   * target the table's hooks cannot take, -ENOENT for a jump to a chain that is not there, -ELOOP for
   * jumps that form a loop. The extack message says which. The per-rule checks of x_tables fail as Linux's
   * do, with Linux's kernel log line as extack (also written to the kernel log): -EINVAL for a protocol
   * match without its `-p` ("x_tables: ip_tables: udp match: only valid for protocol 17"), -m mac reached
   * from OUTPUT, multiport without TCP/UDP/UDPLITE/SCTP/DCCP or with more than 15 ports, REJECT
   * --reject-with tcp-reset without `-p tcp`, a LOG level above 7 or a prefix above 29 characters, a NAT
   * target outside the nat table ("x_tables: ip_tables: DNAT target: only valid in nat table, not filter")
   * or reached from a hook it cannot serve (SNAT: POSTROUTING/INPUT, MASQUERADE: POSTROUTING, DNAT and
   * REDIRECT: PREROUTING/OUTPUT; "... used from hooks INPUT, but only usable from PREROUTING/OUTPUT");
   * -ERANGE for a limit burst of 0; -ENOENT for a match or target kind the kernel does not know.
   * The kernel has the tables 'filter' (INPUT, FORWARD, OUTPUT) and 'nat' (PREROUTING, INPUT, OUTPUT,
   * POSTROUTING); writing a nat table turns connection tracking and NAT on.
   */
  iptReplace(table: IptTable): RtResult;
}
