// tcpdump 4.99.3's version and usage texts as Debian 12 builds it (recorded from `tcpdump --help`).

export const TCPDUMP_VERSION = 'tcpdump version 4.99.3\nlibpcap version 1.10.3 (with TPACKET_V3)\nOpenSSL 3.0.19 27 Jan 2026\n';

export const TCPDUMP_USAGE = 'Usage: tcpdump [-AbdDefhHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]\n'
  + '\t\t[ -C file_size ] [ -E algo:secret ] [ -F file ] [ -G seconds ]\n'
  + '\t\t[ -i interface ] [ --immediate-mode ] [ -j tstamptype ]\n'
  + '\t\t[ -M secret ] [ --number ] [ --print ] [ -Q in|out|inout ]\n'
  + '\t\t[ -r file ] [ -s snaplen ] [ -T type ] [ --version ]\n'
  + '\t\t[ -V file ] [ -w file ] [ -W filecount ] [ -y datalinktype ]\n'
  + '\t\t[ --time-stamp-precision precision ] [ --micro ] [ --nano ]\n'
  + '\t\t[ -z postrotate-command ] [ -Z user ] [ expression ]\n';

/** The link-type line of a capture. */
export const linkTypeText = (any: boolean): string =>
  any ? 'LINUX_SLL2 (Linux cooked v2)' : 'EN10MB (Ethernet)';
