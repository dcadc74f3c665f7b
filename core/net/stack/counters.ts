// The MIB counters of one stack, named and ordered exactly as /proc/net/snmp and /proc/net/netstat print
// them (Debian 12, fixtures/proc-net-snmp.txt), plus Netloom's own named drop counters for bad input.

export function ipMib() {
  return {
    Forwarding: 2, DefaultTTL: 64, InReceives: 0, InHdrErrors: 0, InAddrErrors: 0, ForwDatagrams: 0,
    InUnknownProtos: 0, InDiscards: 0, InDelivers: 0, OutRequests: 0, OutDiscards: 0, OutNoRoutes: 0,
    ReasmTimeout: 0, ReasmReqds: 0, ReasmOKs: 0, ReasmFails: 0, FragOKs: 0, FragFails: 0, FragCreates: 0,
    OutTransmits: 0,
  };
}
export function icmpMib() {
  return {
    InMsgs: 0, InErrors: 0, InCsumErrors: 0, InDestUnreachs: 0, InTimeExcds: 0, InParmProbs: 0,
    InSrcQuenchs: 0, InRedirects: 0, InEchos: 0, InEchoReps: 0, InTimestamps: 0, InTimestampReps: 0,
    InAddrMasks: 0, InAddrMaskReps: 0, OutMsgs: 0, OutErrors: 0, OutRateLimitGlobal: 0, OutRateLimitHost: 0,
    OutDestUnreachs: 0, OutTimeExcds: 0, OutParmProbs: 0, OutSrcQuenchs: 0, OutRedirects: 0, OutEchos: 0,
    OutEchoReps: 0, OutTimestamps: 0, OutTimestampReps: 0, OutAddrMasks: 0, OutAddrMaskReps: 0,
  };
}
export function tcpMib() {
  return {
    RtoAlgorithm: 1, RtoMin: 200, RtoMax: 120000, MaxConn: -1, ActiveOpens: 0, PassiveOpens: 0,
    AttemptFails: 0, EstabResets: 0, CurrEstab: 0, InSegs: 0, OutSegs: 0, RetransSegs: 0, InErrs: 0,
    OutRsts: 0, InCsumErrors: 0,
  };
}
export function udpMib() {
  return {
    InDatagrams: 0, NoPorts: 0, InErrors: 0, OutDatagrams: 0, RcvbufErrors: 0, SndbufErrors: 0,
    InCsumErrors: 0, IgnoredMulti: 0, MemErrors: 0,
  };
}
export function ipExtMib() {
  return {
    InNoRoutes: 0, InTruncatedPkts: 0, InMcastPkts: 0, OutMcastPkts: 0, InBcastPkts: 0, OutBcastPkts: 0,
    InOctets: 0, OutOctets: 0, InMcastOctets: 0, OutMcastOctets: 0, InBcastOctets: 0, OutBcastOctets: 0,
    InCsumErrors: 0, InNoECTPkts: 0, InECT1Pkts: 0, InECT0Pkts: 0, InCEPkts: 0, ReasmOverlaps: 0,
  };
}

/** Why the stack dropped something it received: one named counter per reason (never an exception). */
export function dropCounters() {
  return {
    runtFrame: 0, linkDown: 0, notForUs: 0, unknownEtherType: 0, badArp: 0, arpNotForUs: 0,
    badIpHeader: 0, badIpChecksum: 0, badIpLength: 0, martianSource: 0, martianDestination: 0,
    rpFilter: 0, noRoute: 0, forwardingDisabled: 0, hookDrop: 0, badIcmp: 0, icmpRateLimited: 0,
    reassemblyOverlap: 0, reassemblyTimeout: 0, reassemblyTooBig: 0, neighbourQueueFull: 0,
    neighbourFailed: 0, fragNeeded: 0, noTransport: 0, txNoCarrier: 0,
    bridgePortDisabled: 0, bridgeBadSource: 0, bridgeSameSegment: 0,
  };
}

export type IpMib = ReturnType<typeof ipMib>;
export type IcmpMib = ReturnType<typeof icmpMib>;
export type TcpMib = ReturnType<typeof tcpMib>;
export type UdpMib = ReturnType<typeof udpMib>;
export type IpExtMib = ReturnType<typeof ipExtMib>;
export type DropCounters = ReturnType<typeof dropCounters>;

/**
 * Every MIB of one stack. Transports update `tcp`, `udp`; the IP layer the rest. Each table is made the
 * first time it is read (a counter bumped, a /proc file shown): a guest that never uses its network
 * keeps none of them, and a table read before any change shows its initial values, as a new one would.
 */
export class StackMibs {
  private ipTable: IpMib | null = null;
  private icmpTable: IcmpMib | null = null;
  private tcpTable: TcpMib | null = null;
  private udpTable: UdpMib | null = null;
  private udpLiteTable: UdpMib | null = null;
  private ipExtTable: IpExtMib | null = null;
  private dropsTable: DropCounters | null = null;
  /** Per ICMP type counts for the IcmpMsg lines (null until the first ICMP message in or out). */
  icmpInType: Map<number, number> | null = null;
  icmpOutType: Map<number, number> | null = null;

  get ip(): IpMib {
    return (this.ipTable ??= ipMib());
  }
  get icmp(): IcmpMib {
    return (this.icmpTable ??= icmpMib());
  }
  get tcp(): TcpMib {
    return (this.tcpTable ??= tcpMib());
  }
  get udp(): UdpMib {
    return (this.udpTable ??= udpMib());
  }
  get udpLite(): UdpMib {
    return (this.udpLiteTable ??= udpMib());
  }
  get ipExt(): IpExtMib {
    return (this.ipExtTable ??= ipExtMib());
  }
  get drops(): DropCounters {
    return (this.dropsTable ??= dropCounters());
  }
}

/** Link counters as `ip -s link` and /proc/net/dev show them (struct rtnl_link_stats64). */
export interface LinkStats {
  rxBytes: number;
  rxPackets: number;
  rxErrors: number;
  rxDropped: number;
  rxMissed: number;
  rxFifo: number;
  rxFrame: number;
  rxCompressed: number;
  rxMulticast: number;
  txBytes: number;
  txPackets: number;
  txErrors: number;
  txDropped: number;
  txFifo: number;
  collisions: number;
  txCarrier: number;
  txCompressed: number;
}

export function linkStats(): LinkStats {
  return {
    rxBytes: 0, rxPackets: 0, rxErrors: 0, rxDropped: 0, rxMissed: 0, rxFifo: 0, rxFrame: 0, rxCompressed: 0,
    rxMulticast: 0, txBytes: 0, txPackets: 0, txErrors: 0, txDropped: 0, txFifo: 0, collisions: 0,
    txCarrier: 0, txCompressed: 0,
  };
}
