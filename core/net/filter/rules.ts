// The rule model of the IPv4 packet filter: tables of chains of rules, as plain data. The kernel's ABI
// hands these records to programs (core/kernel/abi-netfilter.ts) and takes them back; the filter compiles
// them for the hooks. Addresses are IPv4 as unsigned 32-bit numbers, MACs as 48-bit numbers.

/** An interface name to match (`-i`, `-o`): '' matches any; a trailing '+' matches every name with that prefix. */
export interface IptIface {
  name: string;
  invert: boolean;
}

/** A port range (`--dport 80`, `--dport 1000:2000`); a single port has lo === hi. */
export interface IptPorts {
  lo: number;
  hi: number;
  invert: boolean;
}

/** Connection tracking states as the state and conntrack matches name them (XT_STATE_* bits). */
export const CtState = { INVALID: 1, ESTABLISHED: 2, RELATED: 4, NEW: 8, UNTRACKED: 16 } as const;

/** A match extension of a rule (`-m NAME ...`, or the protocol's own match implied by `-p`). */
export type IptMatch =
  | { kind: 'udp'; sport: IptPorts | null; dport: IptPorts | null }
  | {
      kind: 'tcp';
      sport: IptPorts | null;
      dport: IptPorts | null;
      /** `--tcp-flags MASK COMP` (`--syn` is SYN,RST,ACK,FIN SYN), bits FIN 1 SYN 2 RST 4 PSH 8 ACK 16 URG 32. */
      flags: { mask: number; comp: number; invert: boolean } | null;
    }
  /** `--icmp-type`: type 255 is "any"; codes lo..hi (0..255 for every code of a type). */
  | { kind: 'icmp'; type: number; codeLo: number; codeHi: number; invert: boolean }
  /** `-m multiport --sports/--dports/--ports`: up to 15 ports or ranges. */
  | { kind: 'multiport'; dir: 'src' | 'dst' | 'any'; ports: Array<{ lo: number; hi: number }>; invert: boolean }
  /** `-m state --state` and `-m conntrack --ctstate`: a set of CtState bits. */
  | { kind: 'state' | 'conntrack'; states: number; invert: boolean }
  | { kind: 'comment'; text: string }
  | { kind: 'mac'; mac: number; invert: boolean }
  /** `-m iprange --src-range/--dst-range` (inclusive). */
  | { kind: 'iprange'; src: { lo: number; hi: number; invert: boolean } | null; dst: { lo: number; hi: number; invert: boolean } | null }
  /** `-m limit --limit N/unit --limit-burst B`: `avg` is the mean interval in ns. */
  | { kind: 'limit'; avg: number; burst: number }
  /**
   * `-m statistic` (xt_statistic): `--mode random --probability P` matches when a random 31-bit number is
   * below `probability` (P * 2^31, rounded); `--mode nth --every N --packet P` matches every Nth packet,
   * the counter starting at P.
   */
  | { kind: 'statistic'; mode: 'random' | 'nth'; probability: number; every: number; packet: number; invert: boolean };

/**
 * Where a NAT target maps a connection (struct nf_nat_range2): addresses addrLo..addrHi when `hasAddr`
 * (SNAT, DNAT; MASQUERADE and REDIRECT choose their own), ports (or ICMP ids) portLo..portHi when
 * `hasPorts`, the NF_NAT_RANGE_PROTO_RANDOM(_FULLY) and NF_NAT_RANGE_PERSISTENT flags.
 */
export interface IptNatRange {
  hasAddr: boolean;
  addrLo: number;
  addrHi: number;
  hasPorts: boolean;
  portLo: number;
  portHi: number;
  random: boolean;
  randomFully: boolean;
  persistent: boolean;
}

/** How REJECT answers (`--reject-with`). */
export type IptRejectWith =
  | 'icmp-net-unreachable'
  | 'icmp-host-unreachable'
  | 'icmp-port-unreachable'
  | 'icmp-proto-unreachable'
  | 'icmp-net-prohibited'
  | 'icmp-host-prohibited'
  | 'icmp-admin-prohibited'
  | 'tcp-reset';

/** What a rule does when it matches. */
export type IptTarget =
  /** No `-j`: the rule only counts. */
  | { kind: 'none' }
  | { kind: 'ACCEPT' | 'DROP' | 'RETURN' }
  /** `-j CHAIN` (a call: RETURN comes back) or `-g CHAIN` (goto: RETURN goes back to the caller's caller). */
  | { kind: 'jump'; chain: string; goto: boolean }
  | { kind: 'REJECT'; with: IptRejectWith }
  /** `-j LOG`: a line in the kernel log (dmesg); the packet goes on to the next rule. */
  | { kind: 'LOG'; prefix: string; level: number; tcpSequence: boolean; tcpOptions: boolean; ipOptions: boolean; uid: boolean }
  /**
   * The nat table's targets (xt_nat.c, xt_MASQUERADE.c, xt_REDIRECT.c): SNAT and MASQUERADE rewrite the
   * source of a connection (POSTROUTING, INPUT), DNAT and REDIRECT its destination (PREROUTING, OUTPUT).
   */
  | { kind: 'SNAT' | 'DNAT' | 'MASQUERADE' | 'REDIRECT'; range: IptNatRange };

export interface IptRule {
  /** IP protocol number, 0 for all. */
  proto: number;
  protoInvert: boolean;
  src: number;
  srcMask: number;
  srcInvert: boolean;
  dst: number;
  dstMask: number;
  dstInvert: boolean;
  in: IptIface;
  out: IptIface;
  /** `-f`: only second and later fragments; `! -f`: only unfragmented packets and first fragments. */
  fragment: 'any' | 'only' | 'not';
  matches: IptMatch[];
  target: IptTarget;
  /** Counters: what the kernel counted, or what the program sets (`-c`, iptables-restore --counters). */
  packets: number;
  bytes: number;
}

export interface IptChain {
  name: string;
  /** A built-in chain's policy; null for a user-defined chain. */
  policy: 'ACCEPT' | 'DROP' | null;
  /** The policy's counters (built-in chains). */
  packets: number;
  bytes: number;
  /**
   * The policy's counters are shown (iptables-nft makes its base chains without counters until
   * iptables-restore -c gives them some); the kernel keeps the flag and counts either way.
   */
  counted?: boolean;
  rules: IptRule[];
}

export interface IptTable {
  /** 'filter' or 'nat' */
  name: string;
  /** Built-in chains first, in hook order, then user chains in the order given. */
  chains: IptChain[];
}
