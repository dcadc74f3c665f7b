// What iputils' ping prints for an ICMP error (pr_icmph), and traceroute's one-letter annotations.

const UNREACH = [
  'Destination Net Unreachable', 'Destination Host Unreachable', 'Destination Protocol Unreachable',
  'Destination Port Unreachable', '', 'Source Route Failed', 'Destination Net Unknown', 'Destination Host Unknown',
  'Source Host Isolated', 'Destination Net Prohibited', 'Destination Host Prohibited',
  'Destination Net Unreachable for Type of Service', 'Destination Host Unreachable for Type of Service',
  'Packet filtered', 'Precedence Violation', 'Precedence Cutoff',
];

/** The text after "From ADDR icmp_seq=N " for an ICMP error of `type`/`code` (`info`: next-hop MTU or pointer). */
export function icmpErrorText(type: number, code: number, info: number, gateway = ''): string {
  switch (type) {
    case 3:
      if (code === 4) return `Frag needed and DF set (mtu = ${info})`;
      return UNREACH[code] ?? `Dest Unreachable, Bad Code: ${code}`;
    case 4: return 'Source Quench';
    case 5: {
      const what = ['Redirect Network', 'Redirect Host', 'Redirect Type of Service and Network', 'Redirect Type of Service and Host'][code];
      return what ? `${what}(New nexthop: ${gateway})` : `Redirect, Bad Code: ${code}`;
    }
    case 11:
      return code === 0 ? 'Time to live exceeded' : code === 1 ? 'Frag reassembly time exceeded' : `Time exceeded, Bad Code: ${code}`;
    case 12: return `Parameter problem: pointer = ${info}`;
    default: return `Bad ICMP type: ${type}`;
  }
}

/** traceroute's annotation for an ICMP unreachable code (!H !N !P ...), '' for port unreachable. */
export function tracerouteMark(code: number): string {
  switch (code) {
    case 0: case 6: return '!N';
    case 1: case 7: return '!H';
    case 2: return '!P';
    case 3: return '';
    case 4: return '!F';
    case 5: return '!S';
    case 9: case 10: case 13: return '!X';
    case 14: return '!V';
    case 15: return '!C';
    default: return `!<${code}>`;
  }
}
