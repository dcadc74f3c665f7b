// Golden cases for the help and version texts of the network tools (net-tools 2.10, iputils 20221126,
// traceroute 2.1.2, hostname 3.23, ethtool 6.1, procps 4.0.2 sysctl, iproute2 6.1 tc, bridge-utils 1.7):
// each answers --help, --version, -h and -V in its own way, some on stderr, some with a failing status.
import type { NetCase } from './common.ts';

const TOOLS = ['arp', 'route', 'ifconfig', 'hostname', 'arping', 'ping', 'tracepath', 'traceroute', 'ethtool', 'sysctl', 'tc', 'brctl'];
const OPTIONS: Array<[string, string]> = [['help', '--help'], ['version', '--version'], ['h', '-h'], ['V', '-V']];

export const INFO_CASES: NetCase[] = TOOLS.flatMap((tool) => OPTIONS.map(([tag, option]): NetCase => ({
  name: `info-${tool}-${tag}`, topo: 'three', setup: [], host: 'pc1', cmd: `${tool} ${option}; echo rc=$?`,
})));

/** How each tool takes a bad or abbreviated option next to its help (getopt_long abbreviations or exact words). */
const EXTRA: Array<[string, string]> = [
  ['brctl-none', 'brctl'], ['brctl-unknown', 'brctl foo'], ['brctl-addbr-no-arg', 'brctl addbr'],
  ['hostname-bad', 'hostname -x'], ['hostname-abbrev', 'hostname --he | head -3; hostname --vers'],
  ['ifconfig-question', 'ifconfig -?'], ['ifconfig-abbrev', 'ifconfig --ver'], ['ethtool-abbrev', 'ethtool --he'],
  ['arp-abbrev', 'arp --vers'], ['route-abbrev', 'route --he | tail -3'], ['ping-h-first', 'ping -h -c 1 10.0.0.2 | head -3'],
  ['tc-help-abbrev', 'tc -he'], ['tc-version-abbrev', 'tc -Ver'],
];

export const INFO_EXTRA_CASES: NetCase[] = EXTRA.map(([name, cmd]) => ({ name: `info-${name}`, topo: 'three', setup: [], host: 'pc1', cmd: `${cmd}; echo rc=$?` }));
