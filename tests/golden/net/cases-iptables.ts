// Golden cases for iptables 1.8.9 (nf_tables, Debian 12's default alternative): rule sets listed every way
// (-L with -n, -v, -x, --line-numbers; -S; iptables-save, whose date lines mask() hides), the errors of
// the command line and of the kernel with their statuses, help and version, iptables-restore, and packets
// meeting the rules (DROP, REJECT, a stateful INPUT chain, FORWARD) with the counters they leave.
// Addresses listed without -n are ones no resolver names (or localhost), so the host's /etc/hosts and the
// guest's agree; 127.0.0.0/8 is left out (the host names it "loopback" from /etc/networks).
import type { NetCase } from './common.ts';
import { BASE } from './cases-ip.ts';

/** Runs each command and prints its status after it. */
export const seq = (cmds: string[]): string => cmds.map((c) => `${c}; echo "rc=$?"`).join('; ');
/** A case on pc1 of `three` running `cmds` after `setup`. */
export const c = (name: string, cmds: string[], setup: string[] = BASE, host = 'pc1'): NetCase => ({ name, topo: 'three', setup, host, cmd: seq(cmds) });

const RULES = [
  'iptables -A INPUT -p icmp -j DROP',
  'iptables -A INPUT -p tcp --dport 22 -j ACCEPT',
  'iptables -A INPUT -p udp -s 10.0.0.0/8 --sport 53 -j ACCEPT',
  'iptables -A INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT',
  'iptables -A INPUT -p tcp --syn -m conntrack --ctstate NEW -m comment --comment "hello world" -j LOG --log-prefix "x: " --log-level 6',
  'iptables -A INPUT -p tcp -j REJECT --reject-with tcp-reset',
  'iptables -A INPUT -p icmp --icmp-type echo-request -j ACCEPT',
  'iptables -A INPUT -p icmp --icmp-type 3/1 -j ACCEPT',
  'iptables -A INPUT -m multiport -p tcp --dports 80,443,1000:2000 -j ACCEPT',
  'iptables -A INPUT -m mac --mac-source 02:00:00:00:00:01 -j ACCEPT',
  'iptables -A INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 -j ACCEPT',
  'iptables -A INPUT -m limit --limit 5/min --limit-burst 7 -j ACCEPT',
  'iptables -A INPUT -f -j DROP',
  'iptables -A INPUT ! -f -j DROP',
  'iptables -N foo',
  'iptables -A FORWARD -j foo',
  'iptables -A FORWARD -g foo',
  'iptables -A foo -p tcp --tcp-flags SYN,ACK SYN -j RETURN',
  'iptables -A OUTPUT -p 47',
  'iptables -A OUTPUT -p all ! -s 1.2.3.4',
  'iptables -A OUTPUT -s 1.2.3.4,5.6.7.8 -d 9.9.9.9/24',
];
const RULESET = [...BASE, `pc1: ${RULES.join('; ')}`];

const MORE = [
  'iptables -A INPUT -c 1234567 98765432100 -j ACCEPT',
  'iptables -A INPUT -s localhost -d 10.1.2.3/255.255.0.0 -p 6 -j DROP',
  'iptables -A INPUT -s 10.0.0.1/255.0.255.0 -p udp --dport 1000:2000 ! --sport 53',
  'iptables -A INPUT -p tcp --dport :100 -j ACCEPT',
  'iptables -A INPUT -p tcp --dport 100: -j ACCEPT',
  'iptables -I INPUT -p sctp -j ACCEPT',
  'iptables -A INPUT -p igmp -j ACCEPT',
  'iptables -A INPUT --dst 1.1.1.1 --src 2.2.2.2 --proto tcp --dp 22',
  'iptables -A INPUT -p icmp --icmp-type any -j ACCEPT',
  'iptables -A INPUT -p icmp ! --icmp-type 0 -j ACCEPT',
  'iptables -A INPUT -p icmp --icmp-type 3 -j ACCEPT',
  'iptables -A INPUT -p icmp --icmp-type 42 -j ACCEPT',
  'iptables -A INPUT -j LOG',
  'iptables -A INPUT -j LOG --log-level warning --log-tcp-sequence --log-tcp-options --log-ip-options --log-uid',
  'iptables -A INPUT -j LOG --log-level debug --log-ip-options --log-prefix "[in] "',
  'iptables -A INPUT -j REJECT',
  'iptables -A INPUT -j REJECT --reject-with icmp-host-prohibited',
  'iptables -A INPUT -j REJECT --reject-with admin-prohib',
  'iptables -A INPUT -j REJECT --reject-with net-unreach',
  'iptables -A INPUT -m conntrack ! --ctstate INVALID,UNTRACKED -m state ! --state NEW',
  'iptables -A INPUT -m limit',
  'iptables -A INPUT -m limit --limit 10/second',
  'iptables -A INPUT -m limit --limit 3/hour --limit-burst 1',
  'iptables -A INPUT -m limit --limit 1/day',
  'iptables -A INPUT -m limit --limit 7/m',
  'iptables -A INPUT -m iprange ! --dst-range 1.1.1.1-1.1.1.5 --src-range 2.2.2.2-2.2.2.2',
  'iptables -A INPUT -m mac ! --mac-source aa:bb:cc:dd:ee:ff',
  'iptables -A INPUT -m multiport -p udp ! --sports 53,67:68',
  'iptables -A INPUT -p tcp -m multiport --ports 22',
  'iptables -A INPUT -p tcp ! --syn',
  'iptables -A INPUT -p tcp --tcp-flags ALL NONE',
  'iptables -A INPUT -p tcp --tcp-flags ALL ALL',
  'iptables -A INPUT -p tcp --sport 1024:65535 --tcp-flags SYN,RST,ACK SYN',
  "iptables -A INPUT -m comment --comment 'a\"b'",
  'iptables -A INPUT -m comment --comment plain',
  'iptables -A FORWARD -i eth0 -o eth1+ ! -s 1.2.3.0/24',
  'iptables -A FORWARD ! -i eth0 ! -p udp',
  'iptables -A FORWARD ! -o veth+ -d 8.8.8.8 ! -p icmp -c 99999 100000',
  'iptables -A OUTPUT -p udp -m udp --dport 53 -j ACCEPT',
  'iptables -A OUTPUT -p tcp -m tcp --dport http -m tcp --sport https',
];
const MORESET = [...BASE, `pc1: ${MORE.join('; ')}`];

const LISTINGS: NetCase[] = [
  c('iptables-empty', ['iptables -L', 'iptables -L -n -v', 'iptables -S', 'iptables-save', 'iptables -L -n -v -x --line-numbers']),
  c('iptables-empty-save-table', ['iptables-save -t filter', 'iptables -N x', 'iptables-save', 'iptables-save -c']),
  c('iptables-list', ['iptables -L'], RULESET),
  c('iptables-list-n', ['iptables -L -n'], RULESET),
  c('iptables-list-vn', ['iptables -L -v -n'], RULESET),
  c('iptables-list-lines', ['iptables -L -n --line-numbers'], RULESET),
  c('iptables-list-vx', ['iptables -L -v -x'], RULESET),
  c('iptables-list-chain', ['iptables -L INPUT', 'iptables -L foo -n', 'iptables -L FORWARD -v --line-numbers', 'iptables -L INPUT 2', 'iptables -L INPUT 99'], RULESET),
  c('iptables-list-rules', ['iptables -S', 'iptables -S INPUT', 'iptables -S foo', 'iptables -S INPUT 5', 'iptables -S OUTPUT 9', 'iptables -S -v'], RULESET),
  c('iptables-save', ['iptables-save', 'iptables-save -c', 'iptables-save --counters --table filter'], RULESET),
  c('iptables-more-list', ['iptables -L'], MORESET),
  c('iptables-more-list-vn', ['iptables -L -n -v'], MORESET),
  c('iptables-more-list-vx', ['iptables -L -v -x -n --line-numbers'], MORESET),
  c('iptables-chain-loop', ['iptables -N A', 'iptables -N B', 'iptables -A A -j B', 'iptables -A B -j A', 'iptables -A INPUT -j A', 'iptables -S']),
  c('iptables-legacy-chain-loop', ['iptables-legacy -N C', 'iptables-legacy -N D', 'iptables-legacy -A C -j D', 'iptables-legacy -A D -j C', 'iptables-legacy -A INPUT -j C', 'iptables-legacy -S']),
  c('iptables-more-rules', ['iptables -S', 'iptables -S -v', 'iptables-save -c'], MORESET),
  c('iptables-long-options', [
    'iptables --append INPUT --protocol tcp --destination-port 80 --jump ACCEPT', 'iptables --insert INPUT --source 10.0.0.5 --jump DROP',
    'iptables --new-chain LOGDROP', 'iptables --append LOGDROP --jump LOG --log-prefix DROP:', 'iptables --ap LOGDROP -j DROP',
    'iptables --table filter --list --numeric --verbose', 'iptables --list-rules', 'iptables --list-r', 'iptables --line -L -n',
    'iptables --rename-chain LOGDROP LD', 'iptables --list-rules', 'iptables --flush LD', 'iptables --delete-chain LD',
    'iptables --policy FORWARD DROP', 'iptables --zero', 'iptables --list-rules FORWARD', 'iptables -vnL', 'iptables -nvL INPUT', 'iptables -t filter -S',
  ]),
];

const COMMANDS: NetCase[] = [
  c('iptables-insert-replace-delete', [
    'iptables -A INPUT -j DROP', 'iptables -I INPUT -j ACCEPT', 'iptables -I INPUT 2 -p udp -j ACCEPT', 'iptables -I INPUT 4 -p tcp',
    'iptables -I INPUT 6 -p icmp', 'iptables -S', 'iptables -R INPUT 1 -s 10.0.0.0/24 -j RETURN', 'iptables -R INPUT 9 -j ACCEPT',
    'iptables -S', 'iptables -D INPUT 2', 'iptables -D INPUT -p tcp', 'iptables -D INPUT -p tcp', 'iptables -D INPUT 5', 'iptables -S',
    'iptables -C INPUT -j DROP', 'iptables -C INPUT -j ACCEPT', 'iptables -C INPUT -s 10.0.0.0/24 -j RETURN', 'iptables -C nochain -j DROP',
  ]),
  c('iptables-multi-address', [
    'iptables -A INPUT -s 10.0.0.1,10.0.0.2 -d 10.9.0.0/16,10.8.0.1 -j ACCEPT', 'iptables -S', 'iptables -C INPUT -s 10.0.0.2 -d 10.8.0.1 -j ACCEPT',
    'iptables -D INPUT -s 10.0.0.1,10.0.0.2 -d 10.9.0.0/16 -j ACCEPT', 'iptables -S', 'iptables -A INPUT -s 10.0.0.1,10.0.0.1/32,localhost -j DROP', 'iptables -S',
    'iptables -R INPUT 1 -s 1.1.1.1,2.2.2.2 -j DROP', 'iptables -A INPUT ! -s 1.1.1.1,2.2.2.2',
  ]),
  c('iptables-chains', [
    'iptables -N foo', 'iptables -N foo', 'iptables -N INPUT', 'iptables -A foo -j DROP', 'iptables -X foo', 'iptables -A INPUT -j foo',
    'iptables -F foo', 'iptables -X foo', 'iptables -X INPUT', 'iptables -L foo', 'iptables -D INPUT 1', 'iptables -X foo', 'iptables -S',
    'iptables -N a', 'iptables -N b', 'iptables -A a -j b', 'iptables -E b c', 'iptables -S', 'iptables -E nochain x', 'iptables -E a c',
    'iptables -F', 'iptables -X', 'iptables -S',
  ]),
  c('iptables-policy', [
    'iptables -P INPUT DROP', 'iptables -P FORWARD DROP', 'iptables -P OUTPUT ACCEPT', 'iptables -L', 'iptables -N foo', 'iptables -P foo DROP',
    'iptables -P INPUT FOO', 'iptables -P INPUT RETURN', 'iptables -P nochain ACCEPT', 'iptables -S', 'iptables -P INPUT ACCEPT', 'iptables -S INPUT',
  ]),
  c('iptables-zero-flush', [
    'iptables -A INPUT -c 10 2000 -j ACCEPT', 'iptables -A INPUT -c 5 500 -p tcp', 'iptables -A OUTPUT -c 7 700', 'iptables -L -v -n',
    'iptables -Z INPUT 1', 'iptables -L INPUT -v -n', 'iptables -Z OUTPUT', 'iptables -L -v -n', 'iptables -L -Z -v -n', 'iptables -F INPUT',
    'iptables -S', 'iptables -F', 'iptables -Z nochain', 'iptables -F nochain', 'iptables -S',
  ]),
  c('iptables-nochain', [
    'iptables -A nochain -j DROP', 'iptables -A INPUT -j nochain', 'iptables -A INPUT -g DROP', 'iptables -L nochain', 'iptables -S nochain',
    'iptables -F nochain', 'iptables -Z nochain', 'iptables -X nochain', 'iptables -D nochain 1', 'iptables -I nochain -j ACCEPT',
  ]),
  c('iptables-index', [
    'iptables -A INPUT -j DROP', 'iptables -D INPUT 5', 'iptables -D INPUT 0', 'iptables -D INPUT x', 'iptables -I INPUT 5 -j ACCEPT',
    'iptables -I INPUT 3 -j ACCEPT', 'iptables -R INPUT 9 -j ACCEPT', 'iptables -R INPUT 0 -j ACCEPT', 'iptables -D INPUT -j ACCEPT', 'iptables -S',
  ]),
];

const ERRORS: NetCase[] = [
  c('iptables-err-options', [
    'iptables', 'iptables -Q', 'iptables --foo', 'iptables -A', 'iptables --append', 'iptables -n', 'iptables -L INPUT -L', 'iptables -A INPUT -A INPUT',
    'iptables -A INPUT -D INPUT', 'iptables -A INPUT x', 'iptables -L -n -v INPUT extra', 'iptables --de INPUT 1', 'iptables --li',
    'iptables -A INPUT -p tcp --d 22', 'iptables -R INPUT', 'iptables -E x', 'iptables -P INPUT', 'iptables ! -A INPUT', 'iptables -A INPUT ! ! -s 1.1.1.1',
    'iptables -A INPUT -s 1.1.1.1 !', 'iptables -L -p tcp', 'iptables -F -n', 'iptables -L --line-numbers -c 1 2', 'iptables -A INPUT -n',
    'iptables -D INPUT 1 -p tcp', 'iptables -X -v foo', 'iptables -A INPUT -v -x', 'iptables -S -n', 'iptables -N x -p tcp',
  ]),
  c('iptables-err-spec', [
    'iptables -A INPUT -p foo', 'iptables -A INPUT -s 1.2.3.4/33', 'iptables -A INPUT -s 1.2.3.4/x', 'iptables -A INPUT -s nohost.invalid',
    'iptables -A INPUT -d 1.2.3.4/255.255.0.256', 'iptables -A INPUT --dport 22', 'iptables -A INPUT -p tcp --dport 99999',
    'iptables -A INPUT -p tcp --dport foo', 'iptables -A INPUT -p tcp --dport 30:20', 'iptables -A INPUT -p tcp --dport 1 --dport 2',
    'iptables -A INPUT -p udp --sport 1 --sport 2', 'iptables -A INPUT -p tcp --dport', 'iptables -A INPUT -m foo',
    'iptables -A INPUT -j REJECT --reject-with foo', 'iptables -A INPUT -p icmp --icmp-type foo', 'iptables -A INPUT -p icmp --icmp-type 300',
    'iptables -A INPUT -m state --state FOO', 'iptables -A INPUT -m conntrack --ctstate FOO', 'iptables -A INPUT -p tcp --syn --syn',
    'iptables -A INPUT -p tcp --tcp-flags SYN', 'iptables -A INPUT -p tcp --tcp-flags FOO SYN', 'iptables -A INPUT -s 1.2.3.4 -s 5.6.7.8',
    'iptables -A INPUT -i eth0 -i eth1', 'iptables -A INPUT -j ACCEPT -j DROP', 'iptables -A INPUT -j ACCEPT -g foo', 'iptables -A INPUT -i eth0 -o eth1',
    'iptables -A OUTPUT -i eth0', 'iptables -A INPUT -i aaaaaaaaaaaaaaaaaaaa', 'iptables -A INPUT -c 1', 'iptables -A INPUT -c x 1',
    'iptables -A INPUT -c 1 y', 'iptables -A INPUT -p all ! -p tcp', 'iptables -A INPUT ! -p all', 'iptables -A INPUT -j LOG --log-level 9',
    'iptables -A INPUT ! -j DROP', 'iptables -A INPUT -m mac --mac-source 11', 'iptables -A INPUT -m limit --limit 5/week',
    'iptables -A INPUT -m multiport --dports 80', 'iptables -A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16',
    'iptables -A INPUT -m comment', 'iptables -A INPUT -m state', 'iptables -A INPUT -p icmp ! --icmp-type', 'iptables -S',
  ]),
  c('iptables-err-chain-names', [
    `iptables -N ${'a'.repeat(40)}`, `iptables -N ${'b'.repeat(28)}`, `iptables -N ${'c'.repeat(29)}`, 'iptables -N -- -x', "iptables -N 'a b'",
    'iptables -N LOG', 'iptables -N ACCEPT', 'iptables -S',
  ]),
  c('iptables-err-table', ['iptables -t foo -L', 'iptables -t foo -A INPUT -j ACCEPT', 'iptables-save -t foo', 'iptables -t ! filter -L']),
  c('iptables-help', ['iptables -h', 'iptables --help', 'iptables -h foo', 'iptables -A INPUT -h']),
  c('iptables-version', [
    'iptables -V', 'iptables --version', 'iptables-nft -V', 'iptables-legacy -V', 'iptables-save -V', 'iptables-restore -V',
    'iptables-nft-save --version', 'iptables-legacy-save -V', 'iptables-legacy-restore -V', 'iptables-restore -h', 'iptables-save -h',
    'iptables-restore -x', 'iptables-restore /nonexistent',
  ]),
  // Debian's links (their dates are the host's by nature).
  c('iptables-layout', ['for f in iptables iptables-nft iptables-legacy iptables-save iptables-restore iptables-nft-save iptables-nft-restore ' +
    'iptables-legacy-save iptables-legacy-restore; do echo "$f -> $(readlink /usr/sbin/$f) -> $(readlink -f /usr/sbin/$f)"; done',
    'for f in iptables iptables-save iptables-restore; do echo "$f -> $(readlink /etc/alternatives/$f)"; done',
    'ls -l /usr/sbin/xtables-nft-multi /usr/sbin/xtables-legacy-multi | cut -c1-10']),
];

const RESTORE: NetCase[] = [
  c('iptables-restore-basic', [
    'printf \'*filter\\n:INPUT DROP [1:2]\\n:foo - [0:0]\\n-A INPUT -p tcp --dport 22 -j ACCEPT\\n[5:6] -A INPUT -j foo\\nCOMMIT\\n\' | iptables-restore',
    'iptables-save -c | sed \'/^#/d\'', 'iptables -S -v',
    'printf \'*filter\\n:INPUT DROP [1:2]\\n:foo - [0:0]\\n-A INPUT -p tcp --dport 22 -j ACCEPT\\n[5:6] -A INPUT -j foo\\nCOMMIT\\n\' | iptables-restore -c',
    'iptables-save -c | sed \'/^#/d\'',
  ]),
  c('iptables-restore-noflush', [
    'iptables -A INPUT -j DROP', 'iptables -N keep', 'printf \'*filter\\n-A INPUT -j ACCEPT\\nCOMMIT\\n\' | iptables-restore --noflush', 'iptables -S',
    'printf \'*filter\\n-A INPUT -m comment --comment "a b" -j ACCEPT\\nCOMMIT\\n\' | iptables-restore', 'iptables -S',
    'printf \'*filter\\n:bar - [0:0]\\n-X bar\\n-N baz\\n-F\\n-P INPUT ACCEPT\\nCOMMIT\\n\' | iptables-restore -n', 'iptables -S',
    'printf \'# comment\\n\\n*filter\\n-A OUTPUT -d 10.0.0.2 -j ACCEPT\\nCOMMIT\\n# end\\n\' > /tmp/rules; iptables-restore /tmp/rules', 'iptables -S',
  ]),
  c('iptables-restore-errors', [
    'printf \'*filter\\n-A INPUT -p tcp --dport 22 -j ACCEPT\\n\' | iptables-restore', 'iptables -S',
    'printf \'*filter\\n-A INPUT -p tcp --dport foo -j ACCEPT\\nCOMMIT\\n\' | iptables-restore',
    'printf \'*filter\\n-A NOPE -j ACCEPT\\nCOMMIT\\n\' | iptables-restore', 'printf \'*foo\\nCOMMIT\\n\' | iptables-restore',
    'printf \'garbage\\n\' | iptables-restore', 'printf \'*filter\\n:INPUT FOO [0:0]\\nCOMMIT\\n\' | iptables-restore',
    'printf \'*filter\\n-A INPUT -j ACCEPT\\nCOMMIT\\n\' | iptables-restore --test', 'iptables -S',
    'printf \'*filter\\n-A INPUT -j ACCEPT\\n-A INPUT -j nochain\\nCOMMIT\\n\' | iptables-restore', 'iptables -S',
  ]),
  c('iptables-restore-roundtrip', ['iptables-save > /tmp/s', 'iptables -F', 'iptables -X', 'iptables -P INPUT ACCEPT', 'iptables-restore < /tmp/s',
    'iptables-save | sed \'/^#/d\'', 'iptables -L -n -v'], MORESET),
];

// Packets through the rules: they need the kernel's netfilter hooks.
const ROUTED = [
  ...BASE,
  'pc1: echo 1 > /proc/sys/net/ipv4/ip_forward',
  'pc2: ip route add 192.168.1.0/24 via 10.0.0.1',
  'pc3: ip route add 10.0.0.0/24 via 192.168.1.1',
];

const FLOW: NetCase[] = [
  c('iptables-flow-output-drop', ['iptables -A OUTPUT -p icmp -j DROP', 'ping -c 2 -W 1 10.0.0.2', 'iptables -L OUTPUT -v -n']),
  c('iptables-flow-input-drop', ['iptables -A INPUT -p icmp --icmp-type echo-reply -j DROP', 'ping -c 2 -W 1 10.0.0.2', 'iptables -L INPUT -v -n -x']),
  c('iptables-flow-peer-drop', ['ping -c 2 -W 1 10.0.0.1'], [...BASE, 'pc1: iptables -A INPUT -s 10.0.0.2 -j DROP'], 'pc2'),
  c('iptables-flow-drop-counters', ['iptables -L INPUT -v -n', 'iptables -S -v'], [...BASE, 'pc1: iptables -A INPUT -s 10.0.0.2 -p icmp -j DROP', 'pc2: ping -c 3 -W 1 10.0.0.1']),
  c('iptables-flow-reject', ['ping -c 2 -W 1 10.0.0.1'], [...BASE, 'pc1: iptables -A INPUT -p icmp -j REJECT'], 'pc2'),
  c('iptables-flow-reject-types', ['ping -c 1 -W 1 10.0.0.1', 'ping -c 1 -W 1 192.168.1.1'],
    [...BASE, 'pc1: iptables -A INPUT -d 10.0.0.1 -p icmp -j REJECT --reject-with icmp-host-prohibited; iptables -A INPUT -p icmp -j REJECT --reject-with icmp-net-unreachable'], 'pc2'),
  c('iptables-flow-state', ['ping -c 2 -W 1 10.0.0.2', 'iptables -L INPUT -v -n'],
    [...BASE, 'pc1: iptables -P INPUT DROP; iptables -A INPUT -i lo -j ACCEPT; iptables -A INPUT -m state --state ESTABLISHED,RELATED -j ACCEPT']),
  c('iptables-flow-state-in', ['ping -c 2 -W 1 10.0.0.1'],
    [...BASE, 'pc1: iptables -P INPUT DROP; iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT'], 'pc2'),
  c('iptables-flow-forward', ['iptables -L FORWARD -v -n -x'],
    [...ROUTED, 'pc1: iptables -A FORWARD -p icmp -s 10.0.0.2 -j DROP', 'pc2: ping -c 2 -W 1 192.168.1.3', 'pc3: ping -c 1 -W 1 10.0.0.2']),
  c('iptables-flow-forward-ping', ['ping -c 2 -W 1 192.168.1.3'], [...ROUTED, 'pc1: iptables -P FORWARD DROP'], 'pc2'),
  c('iptables-flow-user-chain', ['iptables -L -v -n'],
    [...BASE, 'pc1: iptables -N icmpin; iptables -A INPUT -p icmp -j icmpin; iptables -A icmpin -p icmp --icmp-type echo-request -j RETURN; iptables -A icmpin -j DROP',
      'pc2: ping -c 2 -W 1 10.0.0.1']),
  c('iptables-flow-policy-counters', ['iptables -L OUTPUT -v -n', 'iptables-save -c | sed \'/^#/d\''],
    [...BASE, 'pc1: iptables -A OUTPUT -p icmp -j ACCEPT; ping -c 3 -W 1 10.0.0.2']),
];

const legacy = (cmds: string[]): string[] => cmds.map((x) => x.replace(/^iptables(-save|-restore)? /, 'iptables-legacy$1 '));
const LEGACY_SET = [...BASE, `pc1: ${legacy(RULES).join('; ')}`];

// xtables-legacy-multi: the same rules through the legacy names (never mixed with nf_tables in one host).
const LEGACY: NetCase[] = [
  c('iptables-legacy-list', ['iptables-legacy -L', 'iptables-legacy -L -n', 'iptables-legacy -L -v -n --line-numbers'], LEGACY_SET),
  c('iptables-legacy-rules', ['iptables-legacy -S', 'iptables-legacy -S -v', 'iptables-legacy-save | sed \'/^#/d\'', 'iptables-legacy-save -c'], LEGACY_SET),
  c('iptables-legacy-errors', legacy([
    'iptables -A INPUT -j nochain', 'iptables -L nochain', 'iptables -N x', 'iptables -A x -j DROP', 'iptables -X x', 'iptables -X INPUT',
    'iptables -A INPUT -j x', 'iptables -F x', 'iptables -X x', 'iptables -E nochain y', 'iptables -E x INPUT', 'iptables -A nochain -j DROP',
    'iptables -D INPUT -j ACCEPT', 'iptables -P x DROP', 'iptables -P INPUT FOO', 'iptables -Q', 'iptables -t foo -L', 'iptables -V',
  ])),
  c('iptables-legacy-flow', ['iptables-legacy -L -v -n', 'iptables-legacy-save -c | sed \'/^#/d\''],
    [...BASE, 'pc1: iptables-legacy -P INPUT DROP; iptables-legacy -A INPUT -p icmp --icmp-type echo-request -j ACCEPT', 'pc2: ping -c 2 -W 1 10.0.0.1']),
];

const MISC: NetCase[] = [
  c('iptables-help-ext', ['iptables -p tcp -h', 'iptables -p udp -h | tail -8', 'iptables -p icmp --help | tail -42', 'iptables -m multiport -m state -j LOG -h | tail -22',
    'iptables -j REJECT -h | tail -22', 'iptables -j ACCEPT -h | tail -3', 'iptables -m conntrack -m comment -m mac -m iprange -m limit -h | tail -40']),
  c('iptables-misc-opts', ['iptables -w -L INPUT', 'iptables -w 5 -L INPUT', 'iptables --wait -L INPUT', 'iptables -4 -L INPUT', 'iptables -6 -L INPUT',
    'iptables -A INPUT -p ospf', 'iptables -A INPUT -p 200', 'iptables -A INPUT -p UDP', 'iptables -A INPUT -p ipv6-icmp', 'iptables -A INPUT -p 0',
    'iptables -A INPUT -p icmp --icmp-type ttl-exceeded', 'iptables -A INPUT -p icmp --icmp-type ping', 'iptables -A INPUT -p icmp --icmp-type 11/1',
    'iptables -A INPUT -p icmp --icmp-type echo', 'iptables -A INPUT -s localhost -j ACCEPT', 'iptables -A INPUT -d 0.0.0.0/0 -s 10.0.0.0/0',
    'iptables -S', 'iptables -L', 'iptables -L -n']),
];

// What the kernel refuses (x_tables' checks) and what iptables-nft fixes up on the way.
const KERNEL: NetCase[] = [
  c('iptables-kernel-refusals', [
    'iptables -A OUTPUT -m mac --mac-source 00:11:22:33:44:55', 'iptables -A INPUT -j REJECT --reject-with tcp-reset', 'iptables -A INPUT -m udp',
    'iptables -I INPUT -m udp', 'iptables -A INPUT', 'iptables -R INPUT 1 -m udp', 'iptables -A INPUT -p udp -m tcp', 'iptables -A INPUT -m tcp --dport 1',
    'iptables -A INPUT -m udp --dport 1', 'iptables -A INPUT -p udp -m tcp --syn', 'iptables -A INPUT -p tcp -j REJECT --reject-with tcp-reset',
    'iptables -A INPUT -j LOG --log-prefix aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'iptables -A INPUT -m limit --limit-burst 0', 'iptables -S', 'iptables -L INPUT',
  ]),
  c('iptables-kernel-refusals-restore', [
    'printf \'*filter\\n-A INPUT -j ACCEPT\\n-A OUTPUT -m mac --mac-source 00:11:22:33:44:55\\nCOMMIT\\n\' | iptables-restore', 'iptables -S',
  ]),
  c('iptables-legacy-kernel-refusals', [
    'iptables-legacy -A OUTPUT -m mac --mac-source 00:11:22:33:44:55', 'iptables-legacy -A INPUT -m udp',
    'iptables-legacy -A INPUT -j LOG --log-prefix aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'iptables-legacy -S',
    'printf \'*filter\\n-A OUTPUT -m mac --mac-source 00:11:22:33:44:55\\nCOMMIT\\n\' | iptables-legacy-restore',
  ]),
];

// How iptables-nft 1.8.9 translates a few specifications (and what it says of targets of other tables).
const NFT_QUIRKS: NetCase[] = [
  c('iptables-nft-ranges', [
    'iptables -A INPUT -p udp --dport 0:65535', 'iptables -A INPUT -p tcp ! --sport 0:65535', 'iptables -A INPUT -p udp ! --dport 0:65535 --sport 5',
    'iptables -A INPUT -p tcp --dport 1:1', 'iptables -A INPUT -p tcp -m tcp --dport http -m tcp --sport https', 'iptables -S', 'iptables -L -n',
  ]),
  c('iptables-nft-targets', ['iptables -A INPUT -j MASQUERADE', 'iptables -I INPUT -j DNAT', 'iptables -A INPUT -j SNAT', 'iptables -A INPUT -j LOG --log-prefix ""',
    'iptables -S']),
  c('iptables-nft-verbose', [
    'iptables -A INPUT ! -s 1.1.1.1 ! -d 2.2.2.0/24 ! -p tcp ! -i eth0 -f -j DROP -v', 'iptables -A INPUT -p tcp --dport 22 -v',
    'iptables -A INPUT -p udp -m state --state NEW -j LOG -v', 'iptables -D INPUT -p tcp --dport 22 -v', 'iptables -C INPUT -p udp -m state --state NEW -j LOG -v',
    'iptables -R INPUT 1 -j ACCEPT -v', 'iptables -A FORWARD -o eth1+ -v', 'iptables -A INPUT -s localhost,10.0.0.2 -v', 'iptables -F INPUT -v', 'iptables -X -v',
    'iptables -N a', 'iptables -X -v', 'iptables -A INPUT -c 5 10 -v', 'iptables -A INPUT -p icmp --icmp-type 8 -v', 'iptables -N b', 'iptables -A INPUT -g b -v',
    'iptables -F -v', 'iptables -A nochain -j DROP -v', 'iptables -A INPUT -p 200 -v', 'iptables -I INPUT 9 -j DROP -v', 'iptables -D INPUT -j ACCEPT -v',
    'iptables -A INPUT -j nochain -v', 'iptables -A INPUT -m comment --comment "a b" -m limit -v',
  ]),
  c('iptables-err-repeated', [
    'iptables -A INPUT --line-numbers', 'iptables -A INPUT -m state --state NEW --state INVALID', 'iptables -A INPUT -p icmp --icmp-type 8 --icmp-type 0',
    'iptables -A INPUT -j LOG --log-level 1 --log-level 2', 'iptables -A INPUT -m comment --comment a --comment b', 'iptables -A INPUT -p udp --sport 1 --source-port 2',
    'iptables -A INPUT -m multiport -p tcp --dports 1 --sports 2', 'iptables -A INPUT -m multiport -p tcp --dports 1 --dports 2',
    'iptables -A INPUT -m multiport -p tcp --ports 1 --destination-ports 2', 'iptables -A INPUT -m multiport -p tcp --dports 1 --ports 2',
    'iptables -A INPUT -m iprange --src-range 1.1.1.1 --src-range 2.2.2.2', 'iptables -A INPUT -m limit --limit 1/s --limit 2/s',
    'iptables -A INPUT -j REJECT --reject-with tcp-rst --reject-with net-unreach', 'iptables -A INPUT -m mac --mac-source 00:00:00:00:00:01 --mac-source 00:00:00:00:00:02',
    'iptables -A INPUT -f -f', 'iptables -n -n -L', 'iptables -S',
  ]),
  c('iptables-nft-zero', ['iptables -A INPUT -p icmp -j ACCEPT', 'iptables -Z INPUT 5', 'iptables -Z -v', 'iptables -Z INPUT -v', 'iptables -N x',
    'iptables -P OUTPUT DROP', 'iptables -Z -v', 'iptables -Z x -v', 'iptables -L -Z -v -n']),
];

export const IPTABLES_CASES: NetCase[] = [...LISTINGS, ...COMMANDS, ...ERRORS, ...RESTORE, ...FLOW, ...LEGACY, ...MISC, ...KERNEL, ...NFT_QUIRKS];
