// Golden cases for the nat table of iptables 1.8.9 (nf_tables): SNAT, DNAT, MASQUERADE and REDIRECT rules
// listed every way, their errors (iptables' own and the kernel's x_tables checks), their help, the
// statistic match, and packets translated by a router: pc1 routes between pc2's private LAN 10.0.0.0/24
// and pc3 (192.168.1.3), which has no route back to the LAN, so only translated traffic gets answered.
import type { NetCase } from './common.ts';
import { BASE } from './cases-ip.ts';
import { c } from './cases-iptables.ts';


const RULES = [
  'iptables -t nat -A POSTROUTING -o eth1 -j MASQUERADE',
  'iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o eth1 -j SNAT --to-source 192.168.1.1',
  'iptables -t nat -A POSTROUTING -p udp -j SNAT --to-source 192.168.1.1:1000-2000',
  'iptables -t nat -A POSTROUTING -p udp -j SNAT --to-source 192.168.1.1-192.168.1.5:1000-2000 --random --persistent',
  'iptables -t nat -A POSTROUTING -p udp -j SNAT --to-source 192.168.1.2-192.168.1.4 --random-fully',
  'iptables -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 5000-6000',
  'iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 7000 --random',
  'iptables -t nat -A PREROUTING -p udp --dport 53 -j DNAT --to-destination 10.0.0.2',
  'iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.2:8080',
  'iptables -t nat -A PREROUTING -p tcp --dport 81 -j DNAT --to-destination 10.0.0.2-10.0.0.3:8000-8010',
  'iptables -t nat -A PREROUTING -p tcp --dport 82 -j DNAT --to-destination :9000',
  'iptables -t nat -A PREROUTING -p tcp --dport 8080 -j REDIRECT --to-ports 3128',
  'iptables -t nat -A PREROUTING -p udp -j REDIRECT',
  'iptables -t nat -A PREROUTING -p udp --dport 99 -j REDIRECT --to-ports 100-200 --random',
  'iptables -t nat -A OUTPUT -p udp --dport 5353 -j DNAT --to-destination 127.0.0.1:53',
  'iptables -t nat -A PREROUTING -p udp --dport 7000 -m statistic --mode random --probability 0.5 -j DNAT --to-destination 10.0.0.2',
  'iptables -t nat -A PREROUTING -p udp --dport 7000 -m statistic --mode nth --every 3 --packet 0 -j DNAT --to-destination 10.0.0.3',
  'iptables -t nat -A PREROUTING -p udp --dport 7001 -m statistic --mode nth --every 2 -j DNAT --to-destination 10.0.0.3',
  'iptables -t nat -A INPUT -p udp -j SNAT --to-source 10.0.0.9',
  'iptables -t nat -N mychain',
  'iptables -t nat -A PREROUTING -j mychain',
  'iptables -t nat -A mychain -m statistic ! --mode random --probability 0.25 -j RETURN',
  'iptables -t nat -A mychain -m statistic --mode nth ! --every 4 --packet 1',
  'iptables -A INPUT -m statistic --mode random --probability 0.1 -j DROP',
];
const RULESET = [...BASE, `pc1: ${RULES.join('; ')}`];

const LISTINGS: NetCase[] = [
  c('iptables-nat-empty', ['iptables -t nat -L', 'iptables -t nat -S', 'iptables -t nat -L -n -v', 'iptables-save -t nat | sed \'/^#/d\'']),
  c('iptables-nat-list', ['iptables -t nat -L'], RULESET),
  c('iptables-nat-list-n', ['iptables -t nat -L -n', 'iptables -L INPUT -n'], RULESET),
  c('iptables-nat-list-v', ['iptables -t nat -L -v -n --line-numbers'], RULESET),
  c('iptables-nat-rules', ['iptables -t nat -S', 'iptables -S INPUT', 'iptables -t nat -S -v'], RULESET),
  c('iptables-nat-save', ['iptables-save | sed \'/^#/d\'', 'iptables-save -t nat -c | sed \'/^#/d\''], RULESET),
  c('iptables-nat-restore', ['iptables-save -t nat > /tmp/nat-golden', 'iptables -t nat -F', 'iptables -t nat -X', 'iptables-restore < /tmp/nat-golden',
    'rm -f /tmp/nat-golden', 'iptables-save -t nat | sed \'/^#/d\''], RULESET),
  c('iptables-nat-commands', [
    'iptables -t nat -A PREROUTING -p udp -j DNAT --to-destination 10.0.0.2', 'iptables -t nat -I PREROUTING -p udp --dport 1 -j DNAT --to 10.0.0.3:5',
    'iptables -t nat -C PREROUTING -p udp -j DNAT --to-destination 10.0.0.2', 'iptables -t nat -C PREROUTING -p udp -j DNAT --to-destination 10.0.0.4',
    'iptables -t nat -R PREROUTING 2 -p udp -j REDIRECT --to-ports 9', 'iptables -t nat -D PREROUTING -p udp --dport 1 -j DNAT --to 10.0.0.3:5',
    'iptables -t nat -P POSTROUTING DROP', 'iptables -t nat -P POSTROUTING ACCEPT', 'iptables -t nat -A POSTROUTING -j SNAT --to 1.2.3.4 -v',
    'iptables -t nat -S', 'iptables -t nat -F', 'iptables -t nat -Z POSTROUTING -v', 'iptables -t nat -S',
  ]),
];

const ERRORS: NetCase[] = [
  c('iptables-nat-err-hooks', [
    'iptables -t nat -A INPUT -j DNAT --to-destination 1.2.3.4', 'iptables -t nat -A PREROUTING -j SNAT --to-source 1.2.3.4',
    'iptables -t nat -A OUTPUT -j MASQUERADE', 'iptables -t nat -A POSTROUTING -j REDIRECT', 'iptables -A INPUT -j DNAT --to-destination 1.2.3.4',
    'iptables -A FORWARD -j REDIRECT', 'iptables -t nat -N sub', 'iptables -t nat -A sub -j DNAT --to-destination 1.2.3.4', 'iptables -t nat -A POSTROUTING -j sub',
    'iptables -t nat -A FORWARD -j ACCEPT', 'iptables -t nat -S',
  ]),
  c('iptables-nat-err-options', [
    'iptables -t nat -A PREROUTING -j DNAT --to-destination foo', 'iptables -t nat -A PREROUTING -j DNAT --to-destination 1.2.3.4:80',
    'iptables -t nat -A PREROUTING -p udp -j DNAT --to-destination 1.2.3.4:0', 'iptables -t nat -A PREROUTING -p udp -j DNAT --to-destination 1.2.3.4:100-50',
    'iptables -t nat -A PREROUTING -p udp -j DNAT --to-destination 1.2.3.4:70000', 'iptables -t nat -A PREROUTING -p udp -j DNAT --to-destination 1.2.3.5-1.2.3.4',
    'iptables -t nat -A PREROUTING -j REDIRECT --to-ports 80', 'iptables -t nat -A PREROUTING -p udp -j REDIRECT --to-ports x',
    'iptables -t nat -A POSTROUTING -j MASQUERADE --to-ports 80', 'iptables -t nat -A POSTROUTING -j SNAT --to-source 1.1.1.1 --to-source 2.2.2.2',
    'iptables -t nat -A PREROUTING -p udp -j DNAT --to-destination 1.2.3.4:',
  ]),
  c('iptables-nat-err-statistic', [
    'iptables -t nat -A PREROUTING -m statistic --mode foo', 'iptables -t nat -A PREROUTING -m statistic --mode random',
    'iptables -t nat -A PREROUTING -m statistic --mode random --probability 2', 'iptables -t nat -A PREROUTING -m statistic --mode nth',
    'iptables -t nat -A PREROUTING -m statistic --mode nth --every 0', 'iptables -t nat -A PREROUTING -m statistic --mode nth --every 2 --packet 2',
    'iptables -t nat -A PREROUTING -m statistic --probability 0.5', 'iptables -t nat -A PREROUTING -m statistic',
    'iptables -t nat -A PREROUTING -m statistic --mode random --every 2', 'iptables -t nat -S',
  ]),
  c('iptables-nat-help', ['iptables -j DNAT -h | tail -12', 'iptables -j SNAT --help | tail -12', 'iptables -j MASQUERADE -h | tail -8',
    'iptables -j REDIRECT -h | tail -8', 'iptables -m statistic -h | tail -10']),
];

// pc1 routes; pc2 goes through it; pc3 has no route to 10.0.0.0/24.
const ROUTER = [...BASE, 'pc1: echo 1 > /proc/sys/net/ipv4/ip_forward', 'pc2: ip route add default via 10.0.0.1'];
const MASQ = [...ROUTER, 'pc1: iptables -t nat -A POSTROUTING -o eth1 -j MASQUERADE'];
const SEEN = 'pc3: iptables -A INPUT -p icmp -s 192.168.1.1; iptables -A INPUT -p icmp -s 10.0.0.2; iptables -A INPUT -p udp -s 192.168.1.1 --sport 4000; iptables -A INPUT -p udp --sport 7000:7010';

const FLOW: NetCase[] = [
  c('iptables-nat-flow-nonat', ['ping -c 1 -W 1 192.168.1.3'], ROUTER, 'pc2'),
  c('iptables-nat-flow-masq-ping', ['ping -c 2 -W 1 192.168.1.3'], MASQ, 'pc2'),
  c('iptables-nat-flow-masq-seen', ['iptables -L INPUT -v -n -x'], [...MASQ, SEEN, 'pc2: ping -c 2 -W 1 192.168.1.3; echo hi | nc -u -q0 -p 4000 192.168.1.3 5000; sleep 0.3'], 'pc3'),
  c('iptables-nat-flow-masq-counters', ['iptables -t nat -L -v -n', 'iptables -t nat -L POSTROUTING -v -x -n', 'iptables -t nat -S -v'],
    [...MASQ, 'pc2: ping -c 2 -W 1 192.168.1.3; ping -c 1 -W 1 192.168.1.3; echo hi | nc -u -q0 -p 4000 192.168.1.3 5000; sleep 0.3']),
  c('iptables-nat-flow-masq-udp-refused', ['echo hi | nc -u -q1 -p 4000 192.168.1.3 5000'], MASQ, 'pc2'),
  c('iptables-nat-flow-dnat-udp', ['iptables -L INPUT -v -n -x'],
    [...ROUTER, 'pc1: iptables -t nat -A PREROUTING -i eth1 -p udp --dport 5000 -j DNAT --to-destination 10.0.0.2:6000',
      'pc2: iptables -A INPUT -p udp -s 192.168.1.3 --dport 6000; iptables -A INPUT -p udp --dport 5000', 'pc3: echo hi | nc -u -q0 -p 4000 192.168.1.1 5000; sleep 0.3'], 'pc2'),
  c('iptables-nat-flow-dnat-refused', ['echo hi | nc -u -q1 -p 4000 192.168.1.1 5000'],
    [...ROUTER, 'pc1: iptables -t nat -A PREROUTING -i eth1 -p udp --dport 5000 -j DNAT --to-destination 10.0.0.2:6000'], 'pc3'),
  c('iptables-nat-flow-snat-range', ['iptables -L INPUT -v -n -x'],
    [...ROUTER, 'pc1: iptables -t nat -A POSTROUTING -o eth1 -p udp -j SNAT --to-source 192.168.1.1:7000-7010', SEEN,
      'pc2: echo hi | nc -u -q0 -p 4000 192.168.1.3 5000; echo ho | nc -u -q0 -p 4001 192.168.1.3 5000; sleep 0.3'], 'pc3'),
  c('iptables-nat-flow-snat-list', ['iptables -t nat -L -v -n'],
    [...ROUTER, 'pc1: iptables -t nat -A POSTROUTING -o eth1 -p udp -j SNAT --to-source 192.168.1.1:7000-7010; iptables -t nat -A POSTROUTING -o eth1 -j SNAT --to-source 192.168.1.1',
      'pc2: echo hi | nc -u -q0 -p 4000 192.168.1.3 5000; sleep 0.3; ping -c 1 -W 1 192.168.1.3'], 'pc1'),
  c('iptables-nat-flow-redirect', ['echo hi | nc -u -q1 -p 4000 192.168.1.3 9999', 'ping -c 1 -W 1 192.168.1.3'],
    [...ROUTER, 'pc1: iptables -t nat -A PREROUTING -i eth0 -p udp --dport 9999 -j REDIRECT --to-ports 5000'], 'pc2'),
  c('iptables-nat-flow-dnat-ping', ['ping -c 2 -W 1 192.168.1.1'],
    [...ROUTER, 'pc1: iptables -t nat -A PREROUTING -i eth1 -p icmp -j DNAT --to-destination 10.0.0.2'], 'pc3'),
  c('iptables-nat-flow-output-dnat', ['ping -c 1 -W 1 10.9.9.9', 'iptables -t nat -L OUTPUT -v -n'],
    [...BASE, 'pc1: iptables -t nat -A OUTPUT -d 10.9.9.9 -j DNAT --to-destination 10.0.0.2']),
];

export const IPTABLES_NAT_CASES: NetCase[] = [...LISTINGS, ...ERRORS, ...FLOW];
