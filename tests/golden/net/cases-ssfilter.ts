// Golden cases for ss's filter expressions (iproute2 6.1, misc/ssfilter.y) next to UDP sockets that
// netcat holds: listeners on 53, 5000 and 5001 and a client bound to 4000 connected to pc2's 5000.
// Every case starts its nc processes in the background, lists, then ends them after `exec 2>/dev/null`
// so that bash's job reports stay out of the output; with -n nothing names a pid or an inode.
import type { NetCase } from './common.ts';
import { BASE } from './cases-ip.ts';

const HOLD = 'nc -u -l -p 53 & A=$!; nc -u -l -p 5000 & B=$!; nc -u -l 5001 & C=$!; nc -u -d -p 4000 10.0.0.2 5000 & D=$!; sleep 0.3';
const END = 'exec 2>/dev/null; kill $A $B $C $D; wait';
const at = (name: string, cmds: string[]): NetCase => ({ name, topo: 'three', setup: BASE, host: 'pc1', cmd: `${HOLD}; ${cmds.join('; ')}; ${END}` });
/**
 * Each filter as `ss -uanH FILTER | sort`: Linux lists a filtered UDP dump in an order that changes from
 * one run to the next, so the rows are compared sorted (the State column and the widths stay).
 */
const f = (name: string, ...filters: string[]): NetCase => at(name, filters.map((x) => `ss -uanH ${x} | sort; echo rc=\${PIPESTATUS[0]}`));
/** Each filter as `ss -uan FILTER`, header and all: for errors and for filters that keep one row or none. */
const h = (name: string, ...filters: string[]): NetCase => at(name, filters.map((x) => `ss -uan ${x}; echo rc=$?`));

export const SSFILTER_CASES: NetCase[] = [
  f('ssf-sport-eq', 'sport = :53', 'sport == 5000', 'sport eq :4000', 'sport :5001'),
  f('ssf-sport-ne', 'sport != :53', 'sport ne 5000'),
  f('ssf-sport-lt-gt', 'sport \\< :5000', 'sport lt 5001', 'sport \\> :4000', 'sport gt 5000'),
  f('ssf-sport-le-ge', 'sport \\<= :5000', 'sport le 4000', 'sport \\>= :5000', 'sport ge 5001'),
  f('ssf-port-wild', "'sport = :*'", "'sport = :'", "'sport != :*'", "'sport < :*'", "'sport gt :'", "'sport >= :*'", "'sport le :'"),
  f('ssf-dport', 'dport = :5000', 'dport = :0', 'dport != :0', 'dport \\> :0'),
  f('ssf-src', 'src 10.0.0.1', 'src 0.0.0.0', 'src 10.0.0.0/24', 'src 10.0.0.1/32', 'src 192.168.0.0/16'),
  f('ssf-src-port', 'src 0.0.0.0:5000', 'src :53', "src '*:5001'", 'src 10.0.0.0/8:4000', 'src 10.0.0.1:53'),
  f('ssf-src-wild', "src '*'", "dst '*'", "src '*:*'", 'src 0/0', 'dst 10.0.0.2/0'),
  f('ssf-dst', 'dst 10.0.0.2', 'dst 10.0.0.2:5000', 'dst :5000', 'dst 10.0.0.2:5001', 'dst = 10.0.0.2', "dst '10.0.0.2:*'"),
  f('ssf-partial-addr', 'dst 10.0', 'dst 10.0/8', 'dst 10.2/8', 'dst 10.0.0/24'),
  f('ssf-and', 'sport = :5000 and dport = :0', 'sport \\>= :4000 \\&\\& dst 10.0.0.2', 'sport = :53 \\& sport = :5000', 'sport \\> :53 dport = :0'),
  f('ssf-or', 'sport = :53 or sport = :5000', 'sport = :53 \\|\\| dport = :5000', 'sport = :5001 \\| src 10.0.0.1'),
  f('ssf-not', 'not sport = :53', '\\! sport = :53', 'not not dport = :0', 'not src 0.0.0.0'),
  f('ssf-assoc', 'sport = :53 or sport = :5000 and dport = :5000', 'sport = :53 and sport = :5000 or sport = :4000', 'not sport = :5000 or sport = :4000'),
  f('ssf-parens', "'(' sport = :53 or sport = :5000 ')'", "not '(' sport = :5000 or sport = :4000 ')'", "sport = :53 or '(' sport \\>= :5000 and dport = :0 ')'", "'(' '(' dport = :5000 ')' ')'"),
  f('ssf-one-word', "'sport = :53 or sport = :4000'", "'( dport = :0 )'", "'not' 'sport = :53'"),
  f('ssf-state', 'state established sport \\> :0', 'state all sport = :53', 'exclude closed dport = :5000', 'state connected src 10.0.0.1', 'state listening sport = :53'),
  h('ssf-glued-parens', "'(sport' = :53 ')'", "'(' sport = ':53)'", "'!sport' = :53"),
  h('ssf-err-port', 'sport = :foo', 'sport eq 53x', 'dport = :nosuchservice', 'dst 10.0.0.2:foo', 'sport = :53 state all'),
  h('ssf-err-addr', 'src 999.1.1.1', 'dst 1.2.3.4.5', 'src 10.0.0.1/33', 'src 10.0.0.1/', 'foo', 'src 1.2.3.999:53', 'src 10.0.0.1 state all'),
  h('ssf-err-syntax', "'sport = :53 or'", 'sport', "'sport ='", 'or', 'not', '10.0.0.1', "'( sport = :53'", "'sport = :53 )'", "'( )'", 'src'),
  f('ssf-empty-words', "'' sport = :53 ''", "'  sport   =   :5000  '"),
  h('ssf-edge', "'src != 10.0.0.1'", "'sport = = :53'", "'and sport = :53'", "'sport = :53 not'", "'( sport = :53 foo'", "'sport = :53 ) foo'", "'src == 10.0.0.1'", "'dst eq 10.0.0.2'", "'sport = :53 or 10.0.0.1'", "'sport = :53 or src 10.0.0.1 or 5000'", "'dport dport'", "'! ! !'", "'sport = 0x35'", "'sport = :053'"),
  h('ssf-big-port', 'sport = :65536', 'sport \\< :65536'),
  h('ssf-header', 'sport = :53', 'dport = :5000', 'sport = :9', "'not ( sport != :4000 )'", 'state established dport = :5000', 'state connected src 10.0.0.1'),
  { name: 'ssf-raw-ping', topo: 'three', setup: BASE, host: 'pc1', cmd: "ping -4 -c 2 10.0.0.2 > /dev/null & sleep 0.5; ss -wan sport = :1; echo rc=$?; ss -wan sport = :6; echo rc=$?; ss -wan src 0.0.0.0 and dport = :0; echo rc=$?; ss -wan 'sport = :icmp'; echo rc=$?; wait" },
  at('ssf-all-tables', ["ss -an 'sport = :53 or'; echo rc=$?", 'ss -uwanH dport = :0 | sort; echo rc=${PIPESTATUS[0]}', 'ss -uwan sport = :4000; echo rc=$?']),
];
