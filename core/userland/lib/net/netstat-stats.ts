// netstat -s: /proc/net/snmp and /proc/net/netstat as net-tools 2.10 words them. Known counters have a
// sentence (some printed even at zero), ICMP types go under the input/output histograms, and counters
// net-tools does not know are printed as "Name: value" when not zero.

/** [counter, text with %d, printed at zero]; a text starting with '>' or '<' belongs to a histogram. */
type Entry = [string, string, boolean];

const IP: Entry[] = [
  ['Forwarding', 'Forwarding: %d', true], ['DefaultTTL', '', false],
  ['InReceives', '%d total packets received', true], ['InHdrErrors', '%d with invalid headers', false],
  ['InAddrErrors', '%d with invalid addresses', false], ['ForwDatagrams', '%d forwarded', true],
  ['InUnknownProtos', '%d with unknown protocol', false], ['InDiscards', '%d incoming packets discarded', true],
  ['InDelivers', '%d incoming packets delivered', true], ['OutRequests', '%d requests sent out', true],
  ['OutDiscards', '%d outgoing packets dropped', false], ['OutNoRoutes', '%d dropped because of missing route', false],
  ['ReasmTimeout', '%d fragments dropped after timeout', false], ['ReasmReqds', '%d reassemblies required', false],
  ['ReasmOKs', '%d packets reassembled ok', false], ['ReasmFails', '%d packet reassemblies failed', false],
  ['FragOKs', '%d outgoing packets fragmented ok', false], ['FragFails', '%d outgoing packets failed fragmentation', false],
  ['FragCreates', '%d fragments created', false],
];

/** The ICMP histograms: [counter suffix, input wording, output wording] (net-tools words them differently). */
const ICMP_TYPES: Array<[string, string, string]> = [
  ['DestUnreachs', 'destination unreachable', 'destination unreachable'], ['TimeExcds', 'timeout in transit', 'time exceeded'],
  ['ParmProbs', 'wrong parameters', 'parameter problem'], ['SrcQuenchs', 'source quenches', 'source quench'],
  ['Redirects', 'redirects', 'redirect'], ['Echos', 'echo requests', 'echo requests'], ['EchoReps', 'echo replies', 'echo replies'],
  ['Timestamps', 'timestamp request', 'timestamp requests'], ['TimestampReps', 'timestamp reply', 'timestamp replies'],
  ['AddrMasks', 'address mask request', 'address mask requests'], ['AddrMaskReps', 'address mask replies', 'address mask replies'],
];

const ICMP: Entry[] = [
  ['InMsgs', '%d ICMP messages received', true], ['InErrors', '%d input ICMP message failed', true],
  ...ICMP_TYPES.map(([n, t]): Entry => [`In${n}`, `>${t}: %d`, false]),
  ['OutMsgs', '%d ICMP messages sent', true], ['OutErrors', '%d ICMP messages failed', true],
  ...ICMP_TYPES.map(([n, , t]): Entry => [`Out${n}`, `<${t}: %d`, false]),
];

const TCP: Entry[] = [
  ['RtoAlgorithm', '', false], ['RtoMin', '', false], ['RtoMax', '', false], ['MaxConn', '', false],
  ['ActiveOpens', '%d active connection openings', true], ['PassiveOpens', '%d passive connection openings', true],
  ['AttemptFails', '%d failed connection attempts', true], ['EstabResets', '%d connection resets received', true],
  ['CurrEstab', '%d connections established', true], ['InSegs', '%d segments received', true],
  ['OutSegs', '%d segments sent out', true], ['RetransSegs', '%d segments retransmitted', true],
  ['InErrs', '%d bad segments received', true], ['OutRsts', '%d resets sent', true],
];

const UDP: Entry[] = [
  ['InDatagrams', '%d packets received', true], ['NoPorts', '%d packets to unknown port received', true],
  ['InErrors', '%d packet receive errors', true], ['OutDatagrams', '%d packets sent', true],
  ['RcvbufErrors', '%d receive buffer errors', true], ['SndbufErrors', '%d send buffer errors', true],
];

const TCPEXT: Entry[] = [
  ['TCPHPHits', '%d packet headers predicted', true], ['TW', '%d TCP sockets finished time wait in fast timer', false],
  ['DelayedACKs', '%d delayed acks sent', false], ['TCPPureAcks', '%d acknowledgments not containing data payload received', false],
  ['TCPHPAcks', '%d predicted acknowledgments', false],
];

const TABLES: Record<string, Entry[]> = { Ip: IP, Icmp: ICMP, Tcp: TCP, Udp: UDP, TcpExt: TCPEXT };

/** Formats the "Name: f1 f2\nName: v1 v2" pairs of /proc/net/snmp or /proc/net/netstat. */
export function formatStats(text: string): string {
  let out = '';
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const head = lines[i]!.split(/\s+/);
    const vals = lines[i + 1]!.split(/\s+/);
    const section = head[0]!.replace(/:$/, '');
    out += `${section}:\n`;
    const table = TABLES[section] ?? [];
    const values = new Map(head.slice(1).map((n, k) => [n, Number(vals[k + 1] ?? 0)] as [string, number]));
    const known = new Set(table.map((e) => e[0]));
    for (const [name, text, always] of table) {
      if (!values.has(name)) continue;
      const v = values.get(name)!;
      if (text.startsWith('>') || text.startsWith('<')) {
        if (v !== 0) out += `        ${text.slice(1).replace('%d', String(v))}\n`;
        continue;
      }
      if (text === '' || (!always && v === 0)) continue;
      out += `    ${text.replace('%d', String(v))}\n`;
      if (section === 'Icmp' && name === 'InErrors') out += '    ICMP input histogram:\n';
      if (section === 'Icmp' && name === 'OutErrors') out += '    ICMP output histogram:\n';
    }
    const indent = section === 'IcmpMsg' ? '        ' : '    ';
    for (const [name, v] of values) if (!known.has(name) && v !== 0) out += `${indent}${name}: ${v}\n`;
  }
  return out;
}
