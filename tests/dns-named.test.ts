// named's life in a guest: the init scripts (/etc/init.d/named and bind9, systemctl, service), named -g's
// messages for a bad configuration or zone, bad packets, forwarders (on kathara/base, which has named as
// Kathará's base image does), rndc, named-checkconf/-checkzone, and dig without a server.
import { describe, expect, it } from 'vitest';
import { bootLab, sh } from './helpers/lab.ts';

const ZONE = '$TTL 60\n@ IN SOA ns admin 1 2 3 4 5\n@ IN NS ns\nns IN A 10.0.0.3\nwww IN A 10.0.0.80\n';
const CONF = 'options {\n  directory "/var/cache/bind";\n};\nzone "lab.test" { type master; file "/etc/bind/db.lab"; };\n';

const LAB = {
  'lab.conf': 'srv[0]=A\nsrv[image]="kathara/bind:9.11"\nfwd[0]=A\nfwd[image]="kathara/base"\npc[0]=A\npc[image]="kathara/base"\n',
  'srv.startup': 'ip address add 10.0.0.3/24 dev eth0\n',
  'fwd.startup': 'ip address add 10.0.0.4/24 dev eth0\nsystemctl start named\n',
  'pc.startup': 'ip address add 10.0.0.10/24 dev eth0\n',
  'srv/etc/bind/named.conf': CONF,
  'srv/etc/bind/db.lab': ZONE,
  'srv/etc/bind/bad.conf': 'options {\n  directory "/var/cache/bind"\n};\n',
  'srv/etc/bind/badzone.conf': 'zone "bad.test" { type master; file "/etc/bind/db.bad"; };\n',
  'srv/etc/bind/db.bad': '$TTL 60\n@ IN SOA ns admin 1 2 3 4 5\n@ IN NS ns\nns IN A 10.0.0.300\n',
  'fwd/etc/bind/named.conf': 'options {\n  directory "/var/cache/bind";\n  forwarders { 10.0.0.3; };\n  forward only;\n};\n',
  'pc/etc/resolv.conf': 'nameserver 10.0.0.4\nsearch lab.test\n',
};

describe('named in a guest', () => {
  it('the init script starts, reports and stops named; systemctl start is quiet', async () => {
    const lab = await bootLab(LAB);
    expect(await sh(lab, 'srv', '/etc/init.d/named start; echo rc=$?')).toBe('Starting domain name service...: named.\nrc=0\n');
    expect(await sh(lab, 'srv', '/etc/init.d/named status; echo rc=$?; service bind9 status')).toBe('bind is running.\nrc=0\nbind is running.\n');
    expect(await sh(lab, 'srv', 'ps -o user=,args= -C named')).toBe('bind     /usr/sbin/named -u bind\n');
    expect(await sh(lab, 'pc', 'dig +short @10.0.0.3 www.lab.test')).toBe('10.0.0.80\n');
    expect(await sh(lab, 'srv', '/etc/init.d/bind9 stop >/dev/null; /etc/init.d/named status; echo rc=$?')).toBe('bind is not running ... failed!\nrc=3\n');
    expect(await sh(lab, 'pc', 'dig +short +tries=1 +time=1 @10.0.0.3 www.lab.test; echo rc=$?')).toBe(
      ';; communications error to 10.0.0.3#53: connection refused\n;; no servers could be reached\nrc=9\n');
    expect(await sh(lab, 'srv', 'systemctl start bind9; echo rc=$?; systemctl is-active bind9')).toBe('rc=0\nactive\n');
    expect(await sh(lab, 'pc', 'dig +short @10.0.0.3 www.lab.test')).toBe('10.0.0.80\n');
  }, 60_000);

  it('forwarders: a server with `forward only` asks its forwarder; the client uses resolv.conf', async () => {
    const lab = await bootLab({ ...LAB, 'srv.startup': 'ip address add 10.0.0.3/24 dev eth0\nsystemctl start bind9\n' });
    expect(await sh(lab, 'pc', 'dig +noall +answer www.lab.test')).toBe('www.lab.test.\t\t60\tIN\tA\t10.0.0.80\n');
    expect(await sh(lab, 'pc', 'dig nope.lab.test | grep -E "status|^[a-z]"')).toMatch(
      /^;; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: \d+\nlab\.test\.\t\t5\tIN\tSOA\tns\.lab\.test\. admin\.lab\.test\. 1 2 3 4 5\n$/);
    expect(await sh(lab, 'srv', 'systemctl stop bind9; echo rc=$?')).toBe('rc=0\n');
    expect(await sh(lab, 'pc', 'dig +short other.lab.test; dig other.lab.test | grep status')).toMatch(/^;; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: \d+\n$/);
  }, 60_000);

  it('named -g prints what is wrong with the configuration or a zone', async () => {
    const lab = await bootLab(LAB);
    const strip = (t: string) => t.replace(/^\d\d-\w\w\w-\d{4} \d\d:\d\d:\d\d\.\d{3} /gm, '');
    expect(strip(await sh(lab, 'srv', 'named -g -c /etc/bind/bad.conf 2>&1; echo rc=$?'))).toBe(
      'starting BIND 9.18.49-1~deb12u3-Debian (Extended Support Version) <id:>\n' +
      "loading configuration from '/etc/bind/bad.conf'\n/etc/bind/bad.conf:3: missing ';' before '}'\n" +
      'loading configuration: failure\nexiting (due to fatal error)\nrc=1\n');
    expect(await sh(lab, 'srv', '/etc/init.d/named start 2>&1 >/dev/null; echo rc=$?; /etc/init.d/named status')).toBe('rc=0\nbind is running.\n');
    const out = strip(await sh(lab, 'srv', 'timeout 2 named -g -p 5353 -c /etc/bind/badzone.conf 2>&1'));
    expect(out).toContain("dns_rdata_fromtext: /etc/bind/db.bad:4: near '10.0.0.300': bad dotted quad\n");
    expect(out).toContain('zone bad.test/IN: loading from master file /etc/bind/db.bad failed: bad dotted quad\nzone bad.test/IN: not loaded due to errors.\n');
  }, 60_000);

  it('bad packets get FORMERR or nothing, and named goes on answering', async () => {
    const lab = await bootLab({ ...LAB, 'srv.startup': 'ip address add 10.0.0.3/24 dev eth0\nsystemctl start bind9\n' });
    await sh(lab, 'pc', "printf 'xy' | nc -u -w1 10.0.0.3 53; printf '\\001\\002\\000\\000\\000\\001\\000\\000\\000\\000\\000\\000\\300\\014' | nc -u -w1 10.0.0.3 53 | od -An -tx1 | head -1 > /tmp/formerr");
    expect(await sh(lab, 'pc', 'cat /tmp/formerr')).toBe(' 01 02 80 01 00 00 00 00 00 00 00 00\n');
    expect(await sh(lab, 'pc', 'dig +short @10.0.0.3 ns.lab.test')).toBe('10.0.0.3\n');
  }, 60_000);

  it('dig without a reachable server: times out with exit 9', async () => {
    const lab = await bootLab(LAB);
    expect(await sh(lab, 'pc', 'echo nameserver 10.0.0.99 > /etc/resolv.conf; dig +tries=2 www.lab.test; echo rc=$?')).toBe(
      ';; communications error to 10.0.0.99#53: timed out\n;; communications error to 10.0.0.99#53: timed out\n' +
      '\n; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> +tries=2 www.lab.test\n;; global options: +cmd\n;; no servers could be reached\nrc=9\n');
  }, 60_000);

  it('dig -h prints its whole usage on stdout and exits 0, as Debian 12\'s dig does (117 lines)', async () => {
    const lab = await bootLab(LAB);
    expect(await sh(lab, 'pc', 'dig -h 2>/dev/null | wc -l; dig -h >/dev/null 2>&1; echo rc=$?; dig -h | head -n 1; dig -h | tail -n 1')).toBe(
      '117\nrc=0\nUsage:  dig [@global-server] [domain] [q-type] [q-class] {q-opt}\n        -v                           (print version and exit)\n');
  });
});

describe('named-checkzone and named-checkconf', () => {
  it('report as the real tools do (recorded from bind9-utils 9.18)', async () => {
    const lab = await bootLab({
      'lab.conf': 'srv[image]="kathara/bind"\n',
      'srv/etc/bind/db.bad': '$TTL 60\n@ IN SOA ns admin 1 2 3 4 5\n@ IN NS ns\nns IN A 10.0.0.300\nx IN FOO y\n',
      'srv/etc/bind/db.nons': '$TTL 60\n@ IN SOA ns admin 1 2 3 4 5\nns IN A 10.0.0.3\n',
      'srv/etc/bind/db.ok': '$TTL 60\n@ IN SOA ns admin 7 2 3 4 5\n@ IN NS ns\nns IN A 10.0.0.3\nns 30 IN A 10.0.0.4\n',
      'srv/etc/bind/bad.conf': 'options {\n directory "/tmp"\n};\n',
      'srv/etc/bind/z.conf': 'zone "a.test" { type master; file "/etc/bind/db.bad"; };\n',
    });
    expect(await sh(lab, 'srv', 'named-checkzone ok.test /etc/bind/db.ok; echo rc=$?')).toBe(
      '/etc/bind/db.ok:5: TTL set to prior TTL (60)\nzone ok.test/IN: loaded serial 7\nOK\nrc=0\n');
    expect(await sh(lab, 'srv', 'named-checkzone bad.test /etc/bind/db.bad; echo rc=$?')).toBe(
      "dns_rdata_fromtext: /etc/bind/db.bad:4: near '10.0.0.300': bad dotted quad\n/etc/bind/db.bad:5: unknown RR type 'FOO'\n" +
      'zone bad.test/IN: loading from master file /etc/bind/db.bad failed: bad dotted quad\nzone bad.test/IN: not loaded due to errors.\nrc=1\n');
    expect(await sh(lab, 'srv', 'named-checkzone bad.test /etc/bind/db.nons; echo rc=$?')).toBe(
      'zone bad.test/IN: has no NS records\nzone bad.test/IN: not loaded due to errors.\nrc=1\n');
    expect(await sh(lab, 'srv', 'named-checkzone x.test /nonexistent; echo rc=$?')).toBe(
      'zone x.test/IN: loading from master file /nonexistent failed: file not found\nzone x.test/IN: not loaded due to errors.\nrc=1\n');
    expect(await sh(lab, 'srv', 'named-checkconf /etc/bind/bad.conf; echo rc=$?; named-checkconf /nonexist; echo rc=$?; named-checkconf; echo rc=$?')).toBe(
      "/etc/bind/bad.conf:3: missing ';' before '}'\nrc=1\nopen: /nonexist: file not found\nrc=1\nrc=0\n");
    expect(await sh(lab, 'srv', 'named-checkconf -z /etc/bind/z.conf 2>&1; echo rc=$?')).toBe(
      "dns_rdata_fromtext: /etc/bind/db.bad:4: near '10.0.0.300': bad dotted quad\n/etc/bind/db.bad:5: unknown RR type 'FOO'\n" +
      'zone a.test/IN: loading from master file /etc/bind/db.bad failed: bad dotted quad\nzone a.test/IN: not loaded due to errors.\n' +
      '_default/a.test/IN: bad dotted quad\nrc=1\n');
  }, 60_000);
});

describe('rndc', () => {
  it('reload reads changed zones, flush empties the cache, stop stops', async () => {
    const lab = await bootLab({ ...LAB, 'srv.startup': 'ip address add 10.0.0.3/24 dev eth0\nsystemctl start bind9\n' });
    expect(await sh(lab, 'pc', 'dig +short @10.0.0.4 www.lab.test')).toBe('10.0.0.80\n');
    await sh(lab, 'srv', "sed -i 's/10.0.0.80/10.0.0.88/' /etc/bind/db.lab");
    expect(await sh(lab, 'srv', 'rndc reload; echo rc=$?')).toBe('server reload successful\nrc=0\n');
    expect(await sh(lab, 'pc', 'dig +short @10.0.0.3 www.lab.test; dig +short @10.0.0.4 www.lab.test')).toBe('10.0.0.88\n10.0.0.80\n');
    expect(await sh(lab, 'fwd', 'rndc flush; echo rc=$?')).toBe('rc=0\n');
    expect(await sh(lab, 'pc', 'dig +short @10.0.0.4 www.lab.test')).toBe('10.0.0.88\n');
    expect(await sh(lab, 'srv', 'rndc stop; sleep 1; rndc status; echo rc=$?')).toBe('rndc: connect failed: 127.0.0.1#953: connection refused\nrc=1\n');
  }, 60_000);
});
