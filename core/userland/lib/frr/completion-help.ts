// The help strings of the commands Netloom's FRR knows, as FRR 8.4.4's DEFUNs give them (one per token of
// the syntax, in the order the tokens are written, words inside <..|..> and [..] included), keyed by the
// syntax of the command table. vtysh's `?` prints them; the texts are the ones the real vtysh shows
// (tests/golden/frr-vtysh/expected). A `no X` syntax without an entry of its own takes X's with "Negate
// a command or set its defaults" in front.

const SHOW = 'Show running system information';
const IP = 'IP information';
const NEGATE = 'Negate a command or set its defaults';
const ROUTE_TYPES = {
  kernel: 'Kernel routes (not installed via the zebra RIB)',
  connected: 'Connected routes (directly attached subnet or host)',
  static: 'Statically configured routes',
  rip: 'Routing Information Protocol (RIP)',
  ospf: 'Open Shortest Path First (OSPFv2)',
  bgp: 'Border Gateway Protocol (BGP)',
};
const RIP_TIMER = ['Routing table update timer value in second. Default is 30.', 'Routing information timeout timer. Default is 180.',
  'Garbage collection timer. Default is 120.'];
const RIP_VERSIONS = ['RIP version 1', 'RIP version 2', 'RIP version 1', 'RIP version 2', 'None'];
const EXIT = 'Exit current mode and down to previous mode';

export const COMMAND_HELP: Readonly<Record<string, readonly string[]>> = {
  // vtysh's own commands
  'configure [terminal]': ['Configuration from vty interface', 'Configuration terminal'],
  '<exit|quit>': [EXIT, EXIT],
  end: ['End current mode and change to enable mode'],
  'write [<memory|file>]': ['Write running configuration to memory, network, or terminal',
    'Write configuration to the file (same as write file)', 'Write configuration to the file (same as write memory)'],
  'write terminal': ['Write running configuration to memory, network, or terminal', 'Write to terminal'],
  'write integrated': ['Write running configuration to memory, network, or terminal', 'Write integrated all-daemon frr.conf file'],
  'copy running-config startup-config': ['Copy from one file to another', 'Copy from current system configuration',
    'Copy to startup configuration'],
  'show running-config': [SHOW, 'Current operating configuration'],
  // zebra
  'show ip route': [SHOW, IP, 'IP routing table'],
  'show ip route <kernel|connected|static|rip|ospf|bgp>': [SHOW, IP, 'IP routing table', ...Object.values(ROUTE_TYPES)],
  'show ip route A.B.C.D': [SHOW, IP, 'IP routing table', 'Network in the IP routing table to display'],
  'show ip route A.B.C.D/M': [SHOW, IP, 'IP routing table', 'IP prefix <network>/<length>,  e.g.,  35.0.0.0/8'],
  'show ip route summary': [SHOW, IP, 'IP routing table', 'Summary of all routes'],
  'show ip nht': [SHOW, IP, 'IP nexthop tracking table'],
  'show ip protocol': [SHOW, IP, 'IP protocol filtering status'],
  'show interface [IFNAME]': [SHOW, 'Interface status and configuration', 'Interface name'],
  'show version': [SHOW, 'Displays zebra version'],
  'show interface brief': [SHOW, 'Interface status and configuration', 'Interface status and configuration summary'],
  'interface IFNAME': ['Select an interface to configure', "Interface's name"],
  'hostname WORD': ["Set system's network name", "This system's network name"],
  'no hostname [WORD]': [NEGATE, "Reset system's network name", 'Host name of this router'],
  'ip forwarding': [IP, 'Turn on IP forwarding'],
  'ipv6 forwarding': ['IPv6 information', 'Turn on IPv6 forwarding'],
  'ip address A.B.C.D/M': [IP, 'Set the IP address of an interface', 'IP address (e.g. 10.0.0.1/8)'],
  'description LINE...': ['Interface specific description', 'Characters describing this interface'],
  'no description': [NEGATE, 'Interface specific description'],
  shutdown: ['Shutdown the selected interface'],
  'link-detect': ['Enable link detection on interface'],
  multicast: ['Set multicast flag to interface'],
  'bandwidth (1-100000)': ['Set bandwidth informational parameter', 'Bandwidth in megabits'],
  // staticd
  'ip route A.B.C.D/M <A.B.C.D|IFNAME> [(1-255)]': [IP, 'Establish static routes', 'IP destination prefix (e.g. 10.0.0.0/8)',
    'IP gateway address', 'IP gateway interface name', 'Distance value for this route'],
  'ip route A.B.C.D A.B.C.D <A.B.C.D|IFNAME> [(1-255)]': [IP, 'Establish static routes', 'IP destination prefix',
    'IP destination prefix mask', 'IP gateway address', 'IP gateway interface name', 'Distance value for this route'],
  // ripd
  'show ip rip': [SHOW, IP, 'Show RIP routes'],
  'show ip rip status': [SHOW, IP, 'Show RIP routes', 'IP routing protocol process parameters and statistics'],
  'router rip': ['Enable a routing process', 'Routing Information Protocol (RIP)'],
  'network <A.B.C.D/M|WORD>': ['Enable routing on an IP network', 'IP prefix <network>/<length>,  e.g.,  35.0.0.0/8', 'Interface name'],
  'neighbor A.B.C.D': ['Specify a neighbor router', 'Neighbor address'],
  'passive-interface <default|IFNAME>': ['Suppress routing updates on an interface', 'default for all interfaces', 'Interface name'],
  'redistribute <kernel|connected|static|ospf|bgp> [metric (0-16)] [route-map WORD]': [
    'Redistribute information from another routing protocol', ROUTE_TYPES.kernel, ROUTE_TYPES.connected, ROUTE_TYPES.static,
    ROUTE_TYPES.ospf, ROUTE_TYPES.bgp, 'Metric', 'Metric value', 'Route map reference', 'Pointer to route-map entries'],
  'default-information originate': ['Control distribution of default route', 'Distribute a default route'],
  'default-metric [(1-16)]': ['Set a metric of redistribute routes', 'Default metric'],
  'distance [(1-255)]': ['Administrative distance', 'Distance value'],
  'version [(1-2)]': ['Set routing protocol version', 'version'],
  'timers basic [(5-2147483647) (5-2147483647) (5-2147483647)]': ['Adjust routing timers', 'Basic routing protocol update timers',
    ...RIP_TIMER],
  'route A.B.C.D/M': ['RIP static route configuration', 'IP prefix <network>/<length>'],
  'distribute-list LINE...': ['Filter networks in routing updates', 'Access-list name'],
  'offset-list LINE...': ['Modify RIP metric', 'Access-list name'],
  'ip rip split-horizon [poisoned-reverse]': [IP, 'Routing Information Protocol', 'Perform split horizon', 'With poisoned-reverse'],
  'ip rip send version <1|2|1 2|none>': [IP, 'Routing Information Protocol', 'Advertisement transmission', 'Version control',
    ...RIP_VERSIONS],
  'ip rip receive version <1|2|1 2|none>': [IP, 'Routing Information Protocol', 'Advertisement reception', 'Version control',
    ...RIP_VERSIONS],
  'ip rip authentication LINE...': [IP, 'Routing Information Protocol', 'Authentication control', 'Authentication mode and key'],
  'ip rip v2-broadcast': [IP, 'Routing Information Protocol', 'Send ip broadcast v2 update'],
  'ip rip LINE...': [IP, 'Routing Information Protocol', 'RIP interface command'],
  // what every daemon has (daemon.ts COMMON)
  'password LINE...': ['Modify the terminal connection password', 'The password'],
  'enable password LINE...': ['Modify enable password parameters', 'Assign the privileged level password', 'The password'],
  'no enable password': [NEGATE, 'Modify enable password parameters', 'Assign the privileged level password'],
  'log LINE...': ['Logging control', 'Logging parameters'],
  'service LINE...': ['Set up miscellaneous service', 'Service parameters'],
  'debug LINE...': ['Debugging functions', 'Debugging parameters'],
  'frr LINE...': ['FRRouting global parameters', 'Parameters'],
  'banner LINE...': ['Set banner', 'Banner text'],
  agentx: ['SNMP AgentX protocol settings'],
  'line vty': ['Configure a terminal line', 'Virtual terminal'],
  'exec-timeout (0-35791) [(0-2147483)]': ['Set timeout value', 'Timeout value in minutes', 'Timeout value in seconds'],
  'no exec-timeout': [NEGATE, 'Set the EXEC timeout'],
  login: ['Enable password checking'],
  'access-class WORD': ['Filter connections based on an IP access list', 'IP access list'],
};

/** The help strings of a syntax's tokens (missing ones are empty). */
export function commandHelp(syntax: string): readonly string[] {
  const own = COMMAND_HELP[syntax];
  if (own) return own;
  if (syntax.startsWith('no ')) {
    const positive = COMMAND_HELP[syntax.slice(3)];
    if (positive) return [NEGATE, ...positive];
    return [NEGATE];
  }
  return [];
}
