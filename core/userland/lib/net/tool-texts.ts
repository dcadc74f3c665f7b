// The help and version texts of net-tools 2.10 (arp, route, ifconfig), hostname 3.23, bridge-utils 1.7
// (brctl) and ethtool 6.1, as Debian 12 prints them: `out` goes to stdout, `err` (net-tools' lists of
// address families and hardware types) to stderr, which the real tools write first since stdout is buffered.

import type { Proc } from '../program.ts';

export interface ToolText {
  out: string;
  err: string;
  status: number;
}

export const ARP_USAGE: ToolText = {
  out: "Usage:\n  arp [-vn]  [<HW>] [-i <if>] [-a] [<hostname>]             <-Display ARP cache\n  arp [-v]          [-i <if>] -d  <host> [pub]               <-Delete ARP entry\n  arp [-vnD] [<HW>] [-i <if>] -f  [<filename>]            <-Add entry from file\n  arp [-v]   [<HW>] [-i <if>] -s  <host> <hwaddr> [temp]            <-Add entry\n  arp [-v]   [<HW>] [-i <if>] -Ds <host> <if> [netmask <nm>] pub          <-''-\n\n        -a                       display (all) hosts in alternative (BSD) style\n        -e                       display (all) hosts in default (Linux) style\n        -s, --set                set a new ARP entry\n        -d, --delete             delete a specified entry\n        -v, --verbose            be verbose\n        -n, --numeric            don't resolve names\n        -i, --device             specify network interface (e.g. eth0)\n        -D, --use-device         read <hwaddr> from given device\n        -A, -p, --protocol       specify protocol family\n        -f, --file               read new entries from file or from /etc/ethers\n\n  <HW>=Use '-H <hw>' to specify hardware address type. Default: ether\n  List of possible hardware types (which support ARP):\n",
  err: "    ash (Ash) ether (Ethernet) ax25 (AMPR AX.25) \n    netrom (AMPR NET/ROM) rose (AMPR ROSE) arcnet (ARCnet) \n    dlci (Frame Relay DLCI) fddi (Fiber Distributed Data Interface) hippi (HIPPI) \n    irda (IrLAP) x25 (generic X.25) eui64 (Generic EUI-64) \n",
  status: 0,
};

export const ARP_VERSION: ToolText = {
  out: "net-tools 2.10\n+I18N +SELINUX\nAF: (inet) +UNIX +INET +INET6 +IPX +AX25 +NETROM +X25 +ATALK +ECONET +ROSE -BLUETOOTH\nHW: (ether) +ETHER +ARC +SLIP +PPP +TUNNEL -TR +AX25 +NETROM +X25 +FR +ROSE +ASH +SIT +FDDI +HIPPI +HDLC/LAPB +EUI64 \n",
  err: "",
  status: 0,
};

export const ROUTE_USAGE: ToolText = {
  out: "Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables\n       route [-v] [-FC] {add|del|flush} ...  Modify routing table for AF.\n\n       route {-h|--help} [<AF>]              Detailed usage syntax for specified AF.\n       route {-V|--version}                  Display version/author and exit.\n\n        -v, --verbose            be verbose\n        -n, --numeric            don't resolve names\n        -e, --extend             display other/more information\n        -F, --fib                display Forwarding Information Base (default)\n        -C, --cache              display routing cache instead of FIB\n\n  <AF>=Use -4, -6, '-A <af>' or '--<af>'; default: inet\n  List of possible address families (which support routing):\n",
  err: "    inet (DARPA Internet) inet6 (IPv6) ax25 (AMPR AX.25) \n    netrom (AMPR NET/ROM) rose (AMPR ROSE) ipx (Novell IPX) \n    ddp (Appletalk DDP) x25 (CCITT X.25) \n",
  status: 0,
};

export const ROUTE_VERSION: ToolText = {
  out: "net-tools 2.10\n+NEW_ADDRT +RTF_IRTT +RTF_REJECT +I18N +SELINUX\nAF: (inet) +UNIX +INET +INET6 +IPX +AX25 +NETROM +X25 +ATALK +ECONET +ROSE -BLUETOOTH\nHW:  +ETHER +ARC +SLIP +PPP +TUNNEL -TR +AX25 +NETROM +X25 +FR +ROSE +ASH +SIT +FDDI +HIPPI +HDLC/LAPB +EUI64 \n",
  err: "",
  status: 0,
};

export const IFCONFIG_USAGE: ToolText = {
  out: "Usage:\n  ifconfig [-a] [-v] [-s] <interface> [[<AF>] <address>]\n  [add <address>[/<prefixlen>]]\n  [del <address>[/<prefixlen>]]\n  [[-]broadcast [<address>]]  [[-]pointopoint [<address>]]\n  [netmask <address>]  [dstaddr <address>]  [tunnel <address>]\n  [outfill <NN>] [keepalive <NN>]\n  [hw <HW> <address>]  [mtu <NN>]\n  [[-]trailers]  [[-]arp]  [[-]allmulti]\n  [multicast]  [[-]promisc]\n  [mem_start <NN>]  [io_addr <NN>]  [irq <NN>]  [media <type>]\n  [txqueuelen <NN>]\n  [name <newname>]\n  [[-]dynamic]\n  [up|down] ...\n\n  <HW>=Hardware Type.\n  List of possible hardware types:\n  <AF>=Address family. Default: inet\n  List of possible address families:\n",
  err: "    loop (Local Loopback) slip (Serial Line IP) cslip (VJ Serial Line IP) \n    slip6 (6-bit Serial Line IP) cslip6 (VJ 6-bit Serial Line IP) adaptive (Adaptive Serial Line IP) \n    ash (Ash) ether (Ethernet) ax25 (AMPR AX.25) \n    netrom (AMPR NET/ROM) rose (AMPR ROSE) tunnel (IPIP Tunnel) \n    ppp (Point-to-Point Protocol) hdlc ((Cisco)-HDLC) lapb (LAPB) \n    arcnet (ARCnet) dlci (Frame Relay DLCI) frad (Frame Relay Access Device) \n    sit (IPv6-in-IPv4) fddi (Fiber Distributed Data Interface) hippi (HIPPI) \n    irda (IrLAP) ec (Econet) x25 (generic X.25) \n    eui64 (Generic EUI-64) \n    unix (UNIX Domain) inet (DARPA Internet) inet6 (IPv6) \n    ax25 (AMPR AX.25) netrom (AMPR NET/ROM) rose (AMPR ROSE) \n    ipx (Novell IPX) ddp (Appletalk DDP) ec (Econet) \n    ash (Ash) x25 (CCITT X.25) \n",
  status: 0,
};

export const IFCONFIG_VERSION: ToolText = {
  out: "net-tools 2.10\n",
  err: "",
  status: 0,
};

export const HOSTNAME_USAGE: ToolText = {
  out: "Usage: hostname [-b] {hostname|-F file}         set host name (from file)\n       hostname [-a|-A|-d|-f|-i|-I|-s|-y]       display formatted name\n       hostname                                 display host name\n\n       {yp,nis,}domainname {nisdomain|-F file}  set NIS domain name (from file)\n       {yp,nis,}domainname                      display NIS domain name\n\n       dnsdomainname                            display dns domain name\n\n       hostname -V|--version|-h|--help          print info and exit\n\nProgram name:\n       {yp,nis,}domainname=hostname -y\n       dnsdomainname=hostname -d\n\nProgram options:\n    -a, --alias            alias names\n    -A, --all-fqdns        all long host names (FQDNs)\n    -b, --boot             set default hostname if none available\n    -d, --domain           DNS domain name\n    -f, --fqdn, --long     long host name (FQDN)\n    -F, --file             read host name or NIS domain name from given file\n    -i, --ip-address       addresses for the host name\n    -I, --all-ip-addresses all addresses for the host\n    -s, --short            short host name\n    -y, --yp, --nis        NIS/YP domain name\n\nDescription:\n   This command can get or set the host name or the NIS domain name. You can\n   also get the DNS domain or the FQDN (fully qualified domain name).\n   Unless you are using bind or NIS for host lookups you can change the\n   FQDN (Fully Qualified Domain Name) and the DNS domain name (which is\n   part of the FQDN) in the /etc/hosts file.\n",
  err: "",
  status: 255,
};

export const HOSTNAME_VERSION: ToolText = {
  out: "hostname 3.23\n",
  err: "",
  status: 0,
};

export const BRCTL_USAGE: ToolText = {
  out: "Usage: brctl [commands]\ncommands:\n\taddbr     \t<bridge>\t\tadd bridge\n\tdelbr     \t<bridge>\t\tdelete bridge\n\taddif     \t<bridge> <device>\tadd interface to bridge\n\tdelif     \t<bridge> <device>\tdelete interface from bridge\n\thairpin   \t<bridge> <port> {on|off}\tturn hairpin on/off\n\tsetageing \t<bridge> <time>\t\tset ageing time\n\tsetbridgeprio\t<bridge> <prio>\t\tset bridge priority\n\tsetfd     \t<bridge> <time>\t\tset bridge forward delay\n\tsethello  \t<bridge> <time>\t\tset hello time\n\tsetmaxage \t<bridge> <time>\t\tset max message age\n\tsetpathcost\t<bridge> <port> <cost>\tset path cost\n\tsetportprio\t<bridge> <port> <prio>\tset port priority\n\tshow      \t[ <bridge> ]\t\tshow a list of bridges\n\tshowmacs  \t<bridge>\t\tshow a list of mac addrs\n\tshowstp   \t<bridge>\t\tshow bridge stp info\n\tstp       \t<bridge> {on|off}\tturn stp on/off\n",
  err: "",
  status: 0,
};

export const BRCTL_VERSION: ToolText = {
  out: "bridge-utils, 1.7\n",
  err: "",
  status: 0,
};

export const ETHTOOL_USAGE: ToolText = {
  out: "ethtool version 6.1\nUsage:\n        ethtool [ FLAGS ]  DEVNAME\tDisplay standard information about device\n        ethtool [ FLAGS ] -s|--change DEVNAME\tChange generic options\n\t\t[ speed %d ]\n\t\t[ lanes %d ]\n\t\t[ duplex half|full ]\n\t\t[ port tp|aui|bnc|mii|fibre|da ]\n\t\t[ mdix auto|on|off ]\n\t\t[ autoneg on|off ]\n\t\t[ advertise %x[/%x] | mode on|off ... [--] ]\n\t\t[ phyad %d ]\n\t\t[ xcvr internal|external ]\n\t\t[ wol %d[/%d] | p|u|m|b|a|g|s|f|d... ]\n\t\t[ sopass %x:%x:%x:%x:%x:%x ]\n\t\t[ msglvl %d[/%d] | type on|off ... [--] ]\n\t\t[ master-slave preferred-master|preferred-slave|forced-master|forced-slave ]\n        ethtool [ FLAGS ] -a|--show-pause DEVNAME\tShow pause options\n        ethtool [ FLAGS ] -A|--pause DEVNAME\tSet pause options\n\t\t[ autoneg on|off ]\n\t\t[ rx on|off ]\n\t\t[ tx on|off ]\n        ethtool [ FLAGS ] -c|--show-coalesce DEVNAME\tShow coalesce options\n        ethtool [ FLAGS ] -C|--coalesce DEVNAME\tSet coalesce options\n\t\t[adaptive-rx on|off]\n\t\t[adaptive-tx on|off]\n\t\t[rx-usecs N]\n\t\t[rx-frames N]\n\t\t[rx-usecs-irq N]\n\t\t[rx-frames-irq N]\n\t\t[tx-usecs N]\n\t\t[tx-frames N]\n\t\t[tx-usecs-irq N]\n\t\t[tx-frames-irq N]\n\t\t[stats-block-usecs N]\n\t\t[pkt-rate-low N]\n\t\t[rx-usecs-low N]\n\t\t[rx-frames-low N]\n\t\t[tx-usecs-low N]\n\t\t[tx-frames-low N]\n\t\t[pkt-rate-high N]\n\t\t[rx-usecs-high N]\n\t\t[rx-frames-high N]\n\t\t[tx-usecs-high N]\n\t\t[tx-frames-high N]\n\t\t[sample-interval N]\n\t\t[cqe-mode-rx on|off]\n\t\t[cqe-mode-tx on|off]\n        ethtool [ FLAGS ] -g|--show-ring DEVNAME\tQuery RX/TX ring parameters\n        ethtool [ FLAGS ] -G|--set-ring DEVNAME\tSet RX/TX ring parameters\n\t\t[ rx N ]\n\t\t[ rx-mini N ]\n\t\t[ rx-jumbo N ]\n\t\t[ tx N ]\n\t\t[ rx-buf-len N]\n             [ cqe-size N]\n\t\t[ tx-push on|off]\n        ethtool [ FLAGS ] -k|--show-features|--show-offload DEVNAME\tGet state of protocol offload and other features\n        ethtool [ FLAGS ] -K|--features|--offload DEVNAME\tSet protocol offload and other features\n\t\tFEATURE on|off ...\n        ethtool [ FLAGS ] -i|--driver DEVNAME\tShow driver information\n        ethtool [ FLAGS ] -d|--register-dump DEVNAME\tDo a register dump\n\t\t[ raw on|off ]\n\t\t[ file FILENAME ]\n        ethtool [ FLAGS ] -e|--eeprom-dump DEVNAME\tDo a EEPROM dump\n\t\t[ raw on|off ]\n\t\t[ offset N ]\n\t\t[ length N ]\n        ethtool [ FLAGS ] -E|--change-eeprom DEVNAME\tChange bytes in device EEPROM\n\t\t[ magic N ]\n\t\t[ offset N ]\n\t\t[ length N ]\n\t\t[ value N ]\n        ethtool [ FLAGS ] -r|--negotiate DEVNAME\tRestart N-WAY negotiation\n        ethtool [ FLAGS ] -p|--identify DEVNAME\tShow visible port identification (e.g. blinking)\n               [ TIME-IN-SECONDS ]\n        ethtool [ FLAGS ] -t|--test DEVNAME\tExecute adapter self test\n               [ online | offline | external_lb ]\n        ethtool [ FLAGS ] -S|--statistics DEVNAME\tShow adapter statistics\n               [ --all-groups | --groups [eth-phy] [eth-mac] [eth-ctrl] [rmon] ]\n        ethtool [ FLAGS ] --phy-statistics DEVNAME\tShow phy statistics\n        ethtool [ FLAGS ] -n|-u|--show-nfc|--show-ntuple DEVNAME\tShow Rx network flow classification options or rules\n\t\t[ rx-flow-hash tcp4|udp4|ah4|esp4|sctp4|tcp6|udp6|ah6|esp6|sctp6 [context %d] |\n\t\t  rule %d ]\n        ethtool [ FLAGS ] -N|-U|--config-nfc|--config-ntuple DEVNAME\tConfigure Rx network flow classification options or rules\n\t\trx-flow-hash tcp4|udp4|ah4|esp4|sctp4|tcp6|udp6|ah6|esp6|sctp6 m|v|t|s|d|f|n|r... [context %d] |\n\t\tflow-type ether|ip4|tcp4|udp4|sctp4|ah4|esp4|ip6|tcp6|udp6|ah6|esp6|sctp6\n\t\t\t[ src %x:%x:%x:%x:%x:%x [m %x:%x:%x:%x:%x:%x] ]\n\t\t\t[ dst %x:%x:%x:%x:%x:%x [m %x:%x:%x:%x:%x:%x] ]\n\t\t\t[ proto %d [m %x] ]\n\t\t\t[ src-ip IP-ADDRESS [m IP-ADDRESS] ]\n\t\t\t[ dst-ip IP-ADDRESS [m IP-ADDRESS] ]\n\t\t\t[ tos %d [m %x] ]\n\t\t\t[ tclass %d [m %x] ]\n\t\t\t[ l4proto %d [m %x] ]\n\t\t\t[ src-port %d [m %x] ]\n\t\t\t[ dst-port %d [m %x] ]\n\t\t\t[ spi %d [m %x] ]\n\t\t\t[ vlan-etype %x [m %x] ]\n\t\t\t[ vlan %x [m %x] ]\n\t\t\t[ user-def %x [m %x] ]\n\t\t\t[ dst-mac %x:%x:%x:%x:%x:%x [m %x:%x:%x:%x:%x:%x] ]\n\t\t\t[ action %d ] | [ vf %d queue %d ]\n\t\t\t[ context %d ]\n\t\t\t[ loc %d]] |\n\t\tdelete %d\n        ethtool [ FLAGS ] -T|--show-time-stamping DEVNAME\tShow time stamping capabilities\n        ethtool [ FLAGS ] -x|--show-rxfh-indir|--show-rxfh DEVNAME\tShow Rx flow hash indirection table and/or RSS hash key\n\t\t[ context %d ]\n        ethtool [ FLAGS ] -X|--set-rxfh-indir|--rxfh DEVNAME\tSet Rx flow hash indirection table and/or RSS hash key\n\t\t[ context %d|new ]\n\t\t[ equal N | weight W0 W1 ... | default ]\n\t\t[ hkey %x:%x:%x:%x:%x:.... ]\n\t\t[ hfunc FUNC ]\n\t\t[ delete ]\n        ethtool [ FLAGS ] -f|--flash DEVNAME\tFlash firmware image from the specified file to a region on the device\n               FILENAME [ REGION-NUMBER-TO-FLASH ]\n        ethtool [ FLAGS ] -P|--show-permaddr DEVNAME\tShow permanent hardware address\n        ethtool [ FLAGS ] -w|--get-dump DEVNAME\tGet dump flag, data\n\t\t[ data FILENAME ]\n        ethtool [ FLAGS ] -W|--set-dump DEVNAME\tSet dump flag of the device\n\t\tN\n        ethtool [ FLAGS ] -l|--show-channels DEVNAME\tQuery Channels\n        ethtool [ FLAGS ] -L|--set-channels DEVNAME\tSet Channels\n               [ rx N ]\n               [ tx N ]\n               [ other N ]\n               [ combined N ]\n        ethtool [ FLAGS ] --show-priv-flags DEVNAME\tQuery private flags\n        ethtool [ FLAGS ] --set-priv-flags DEVNAME\tSet private flags\n\t\tFLAG on|off ...\n        ethtool [ FLAGS ] -m|--dump-module-eeprom|--module-info DEVNAME\tQuery/Decode Module EEPROM information and optical diagnostics if available\n\t\t[ raw on|off ]\n\t\t[ hex on|off ]\n\t\t[ offset N ]\n\t\t[ length N ]\n\t\t[ page N ]\n\t\t[ bank N ]\n\t\t[ i2c N ]\n        ethtool [ FLAGS ] --show-eee DEVNAME\tShow EEE settings\n        ethtool [ FLAGS ] --set-eee DEVNAME\tSet EEE settings\n\t\t[ eee on|off ]\n\t\t[ advertise %x ]\n\t\t[ tx-lpi on|off ]\n\t\t[ tx-timer %d ]\n        ethtool [ FLAGS ] --set-phy-tunable DEVNAME\tSet PHY tunable\n\t\t[ downshift on|off [count N] ]\n\t\t[ fast-link-down on|off [msecs N] ]\n\t\t[ energy-detect-power-down on|off [msecs N] ]\n        ethtool [ FLAGS ] --get-phy-tunable DEVNAME\tGet PHY tunable\n\t\t[ downshift ]\n\t\t[ fast-link-down ]\n\t\t[ energy-detect-power-down ]\n        ethtool [ FLAGS ] --get-tunable DEVNAME\tGet tunable\n\t\t[ rx-copybreak ]\n\t\t[ tx-copybreak ]\n\t\t[ tx-buf-size ]\n\t\t[ pfc-precention-tout ]\n        ethtool [ FLAGS ] --set-tunable DEVNAME\tSet tunable\n\t\t[ rx-copybreak N]\n\t\t[ tx-copybreak N]\n\t\t[ tx-buf-size N]\n\t\t[ pfc-precention-tout N]\n        ethtool [ FLAGS ] --reset DEVNAME\tReset components\n\t\t[ flags %x ]\n\t\t[ mgmt ]\n\t\t[ mgmt-shared ]\n\t\t[ irq ]\n\t\t[ irq-shared ]\n\t\t[ dma ]\n\t\t[ dma-shared ]\n\t\t[ filter ]\n\t\t[ filter-shared ]\n\t\t[ offload ]\n\t\t[ offload-shared ]\n\t\t[ mac ]\n\t\t[ mac-shared ]\n\t\t[ phy ]\n\t\t[ phy-shared ]\n\t\t[ ram ]\n\t\t[ ram-shared ]\n\t\t[ ap ]\n\t\t[ ap-shared ]\n\t\t[ dedicated ]\n\t\t[ all ]\n        ethtool [ FLAGS ] --show-fec DEVNAME\tShow FEC settings\n        ethtool [ FLAGS ] --set-fec DEVNAME\tSet FEC settings\n\t\t[ encoding auto|off|rs|baser|llrs [...]]\n        ethtool [ FLAGS ] -Q|--per-queue DEVNAME\tApply per-queue command. \nThe supported sub commands include --show-coalesce, --coalesce             [queue_mask %x] SUB_COMMAND\n        ethtool [ FLAGS ] --cable-test DEVNAME\tPerform a cable test\n        ethtool [ FLAGS ] --cable-test-tdr DEVNAME\tPrint cable test time domain reflectrometery data\n\t\t[ first N ]\n\t\t[ last N ]\n\t\t[ step N ]\n\t\t[ pair N ]\n        ethtool [ FLAGS ] --show-tunnels DEVNAME\tShow NIC tunnel offload information\n        ethtool [ FLAGS ] --show-module DEVNAME\tShow transceiver module settings\n        ethtool [ FLAGS ] --set-module DEVNAME\tSet transceiver module settings\n\t\t[ power-mode-policy high|auto ]\n        ethtool [ FLAGS ] -h|--help \t\tShow this help\n        ethtool [ FLAGS ] --version \t\tShow version number\n        ethtool --monitor               Show kernel notifications\n                ( [ --all ]\n                  | -s | --change\n                  | -k | --show-features | --show-offload | -K | --features | --offload\n                  | --show-priv-flags | --set-priv-flags\n                  | -g | --show-ring | -G | --set-ring\n                  | -l | --show-channels | -L | --set-channels\n                  | -c | --show-coalesce | -C | --coalesce\n                  | -a | --show-pause | -A | --pause\n                  | --show-eee | --set-eee\n                  | --cable-test\n                  | --cable-test-tdr\n                  | --show-module | --set-module )\n                [ DEVNAME | * ]\n\nFLAGS:\n\t--debug MASK\tturn on debugging messages\n\t--json\t\tenable JSON output format (not supported by all commands)\n\t-I|--include-statistics\t\trequest device statistics related to the command (not supported by all commands)\n",
  err: "",
  status: 0,
};

export const ETHTOOL_VERSION: ToolText = {
  out: "ethtool version 6.1\n",
  err: "",
  status: 0,
};
/** Prints a help or version text as the real tool does (stderr part first) and ends with its status. */
export async function printToolText(p: Proc, t: ToolText): Promise<number> {
  if (t.err) await p.err.write(t.err);
  await p.out.write(t.out);
  return p.finish(t.status);
}

/** `--help` / `--version` or an unambiguous abbreviation of them (getopt_long: `--he`, `--vers`). */
export function longInfoOption(arg: string): 'help' | 'version' | null {
  if (arg.length >= 3 && '--help'.startsWith(arg)) return 'help';
  if (arg.length >= 4 && '--version'.startsWith(arg)) return 'version';
  return null;
}
