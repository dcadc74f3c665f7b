// Types and masking shared by the network golden recorder and test. Masking replaces only what differs
// by nature between runs: times (route cache expiries included), the veth peer's ifindex (a host value
// under Kathará) and random values.

export interface NetCase {
  name: string;
  /** A key of TOPOLOGIES. */
  topo: string;
  /** "host: bash command" lines run before the case, in order (their output is ignored). */
  setup?: string[];
  host: string;
  /** Run as `bash -c CMD` with stderr into stdout. */
  cmd: string;
  /** The output's line order is the kernel's hash order: compare sorted lines. */
  unordered?: boolean;
  /**
   * The command writes sysctl configuration: the recorder runs it in a private mount namespace with empty
   * tmpfs over /etc and /usr/lib/sysctl.d (a guest has none of the host's files there).
   */
  privateEtc?: boolean;
  /** The output names processes and sockets (pids, inodes, kernel pointers): compare through maskOwners(). */
  owners?: boolean;
}

export interface NetRecord extends NetCase {
  output: string;
  status: number;
}

/** Applied to the recorded and the guest's output alike. */
export function mask(text: string): string {
  return text
    .replace(/@if\d+/g, '@ifN')
    .replace(/"link_index":\d+/g, '"link_index":N')
    .replace(/link-netnsid \d+/g, 'link-netnsid N')
    .replace(/"link_netnsid":\d+/g, '"link_netnsid":N')
    .replace(/"link_netnsid": \d+/g, '"link_netnsid": N')
    .replace(/"link_index": \d+/g, '"link_index": N')
    .replace(/time[=<]\d+(\.\d+)? ?ms/g, 'time=T ms')
    .replace(/(rtt|round-trip) min\/avg\/max\/mdev = [\d./]+ ms/g, '$1 min/avg/max/mdev = T ms')
    .replace(/, time \d+ms/g, ', time Tms')
    .replace(/  \d+\.\d+ ms/g, '  T ms')
    .replace(/(\d+\.\d+)ms/g, 'Tms')
    .replace(/ipg\/ewma [\d./]+ ms/g, 'ipg/ewma T ms')
    .replace(/^\[\d+\.\d+\] /gm, '[T] ')
    .replace(/expires \d+sec/g, 'expires Nsec')
    .replace(/"expires":\d+/g, '"expires":N')
    .replace(/^Timestamp: \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4} \d+ usec$/gm, 'Timestamp: T')
    .replace(/^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\] /gm, '[TS] ')
    .replace(/^.*$/gm, maskMtrLine);
}

/**
 * For `owners` cases, after mask(): pids (ss's pid=N, netstat's N/prog), socket inodes (ss's ino:N, netstat
 * -e's Inode column) and ss's sk: pointer
 * differ between Linux and a guest by nature, and so does the padding their widths give the last column,
 * so trailing blanks go too.
 */
export function maskOwners(text: string): string {
  return text
    .replace(/pid=\d+/g, 'pid=P')
    .replace(/ino:\d+/g, 'ino:I')
    .replace(/ sk:[0-9a-f]+/g, ' sk:K')
    .replace(/ \d+\/(?=[^\s/])/g, ' P/')
    // netstat -e's Inode column (10 wide, after the 80 columns of a socket line and the user's 10)
    .replace(/^((?:tcp|udp|raw)  .{74} \S+ +)(\d+ *)/gm, (_m, pre: string, ino: string) => pre + 'I'.padEnd(ino.length))
    .replace(/ +$/gm, '');
}

/**
 * mtr's start time and round-trip columns (report hop lines end with the Last/Avg/Best/Wrst/StDev cells,
 * numbers with a decimal point; Loss% and Snt stay), JSON and XML time members, CSV time stamp and times,
 * the round-trip time of raw mode's "p HOP USEC SEQ" lines.
 */
function maskMtrLine(line: string): string {
  if (/^Start: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}$/.test(line)) return 'Start: T';
  if (/^ +\d+\.\|-- /.test(line)) return line.replace(/(?: +\d+\.\d*){1,5}$/, (run) => run.replace(/ +\d+\.\d*/g, ' T'));
  if (/^ +"(Last|Avg|Best|Wrst|StDev)": /.test(line)) return line.replace(/: [-\d.e]+(,?)$/, ': T$1');
  if (/^ +<(Last|Avg|Best|Wrst|StDev)>/.test(line)) return line.replace(/>[^<]*</, '>T<');
  if (/^p \d+ \d+ \d+$/.test(line)) return line.replace(/^(p \d+) \d+/, '$1 T');
  if (line.startsWith('MTR.0.95,')) return line.replace(/^MTR\.0\.95,\d+,/, 'MTR.0.95,T,').replace(/(?:,\d+\.\d\d){5}$/, ',T,T,T,T,T');
  return line;
}
