#!/usr/bin/env python3
# Builds ospf-crafted.pcap (run in this folder) and records what tcpdump 4.99.3 prints for it and for the
# real FRR exchanges (ospf-live.pcap, ospf-live-md5.pcap, made by record-ospf-live.sh) with -v and -vv
# (ospf-*-v.txt, ospf-*-vv.txt, which core/net/wire/ospf-format.test.ts compares with; tcpdump here takes
# no -vv yet): OSPFv2 packets made byte by byte (IPv4 protocol 89) for tcpdump's OSPF decoder: Hellos with
# and without DR, BDR and neighbours, every option bit, simple password, keyed MD5 (with its trailer) and
# unknown authentication types, other areas; Database Description flags, MTU and LSA headers (opaque,
# unknown and bogus-length ones); LS requests of every type; LS updates holding Router (every link type,
# TOS metrics, flags), Network, Summary, ASBR-summary, AS-external, NSSA, group-membership, opaque and
# unknown LSAs; router information, grace and traffic engineering opaque LSAs; LS acks; RFC 5613 LLS blocks; unknown packet types and versions; bad checksums, length
# fields that disagree with the IPv4 length, and packets cut short at every layer.
import struct, subprocess

def csum(b):
    if len(b) % 2: b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff

def ip4(a): return bytes(int(x) for x in a.split('.'))

def fletcher(data, pos):
    """RFC 905 annex B: the checksum to store at data[pos:pos+2] (zero there while computing)."""
    d = data[:pos] + b'\0\0' + data[pos + 2:]
    c0 = c1 = 0
    for b in d:
        c0 = (c0 + b) % 255
        c1 = (c1 + c0) % 255
    n = len(d) - pos - 1
    x = (n * c0 - c1) % 255 or 255
    y = (c1 - (n + 1) * c0) % 255 or 255
    return (x << 8) | y

def lsa(t, lsid, adv, body, age=1, opts=0x02, seq=0x80000001, length=None, cks=True):
    ln = 20 + len(body) if length is None else length
    raw = struct.pack('!HBB4s4sIHH', age, opts, t, ip4(lsid), ip4(adv), seq, 0, ln) + body
    if cks is True: c = fletcher(raw[2:], 14)
    elif cks is False: c = 0x1234
    else: c = cks
    return raw[:16] + struct.pack('!H', c) + raw[18:]

def lshdr(*a, **k): return lsa(*a, **k)[:20]

def ospf(t, body, rid='1.1.1.1', area='0.0.0.0', autype=0, auth=b'', version=2, length=None, good=True, trailer=b''):
    ln = 24 + len(body) if length is None else length
    auth = auth.ljust(8, b'\0')[:8]
    pkt = struct.pack('!BBH4s4sHH', version, t, ln, ip4(rid), ip4(area), 0, autype) + auth + body
    if autype != 2:
        c = csum(pkt[:16] + pkt[24:])
        if not good: c ^= 0x5555
        pkt = pkt[:12] + struct.pack('!H', c) + pkt[14:]
    return pkt + trailer

def frame(payload, src='10.0.0.1', dst='224.0.0.5', ip_len=None, cut=None):
    ln = 20 + len(payload) if ip_len is None else ip_len
    hdr = struct.pack('!BBHHHBBH4s4s', 0x45, 0xc0, ln, 1, 0, 1, 89, 0, ip4(src), ip4(dst))
    hdr = hdr[:10] + struct.pack('!H', csum(hdr)) + hdr[12:]
    dmac = bytes.fromhex('01005e000005') if dst == '224.0.0.5' else bytes.fromhex('01005e000006') if dst == '224.0.0.6' else bytes.fromhex('020000000002')
    f = dmac + bytes.fromhex('020000000001') + b'\x08\x00' + hdr + payload
    return f if cut is None else f[:cut]

def hello(mask='255.255.255.0', hi=10, opts=0x02, pri=1, dead=40, dr='0.0.0.0', bdr='0.0.0.0', nbrs=()):
    return struct.pack('!4sHBBI4s4s', ip4(mask), hi, opts, pri, dead, ip4(dr), ip4(bdr)) + b''.join(ip4(n) for n in nbrs)

def dd(mtu=1500, opts=0x02, flags=0x07, seq=0x12345678, hdrs=()): return struct.pack('!HBBI', mtu, opts, flags, seq) + b''.join(hdrs)
def lsr(*entries): return b''.join(struct.pack('!I4s4s', t, ip4(i), ip4(a)) for t, i, a in entries)
def lsu(lsas, count=None): return struct.pack('!I', len(lsas) if count is None else count) + b''.join(lsas)

def link(lid, data, t, metric, tos=()):
    return struct.pack('!4s4sBBH', ip4(lid), ip4(data), t, len(tos), metric) + b''.join(struct.pack('!BBH', a, 0, m) for a, m in tos)
def router(flags, links, count=None): return struct.pack('!BBH', flags, 0, len(links) if count is None else count) + b''.join(links)
def network(mask, routers): return ip4(mask) + b''.join(ip4(r) for r in routers)
def summary(mask, metric, tos=()): return ip4(mask) + struct.pack('!I', metric) + b''.join(struct.pack('!I', (a << 24) | m) for a, m in tos)
def external(mask, entries):
    return ip4(mask) + b''.join(struct.pack('!I4sI', (0x80000000 if e2 else 0) | (tos << 24) | m, ip4(fw), tag) for e2, tos, m, fw, tag in entries)

R1, R2 = '1.1.1.1', '2.2.2.2'
rtr = lsa(1, R1, R1, router(0x03, [link('2.2.2.2', '10.0.0.1', 1, 10), link('10.0.0.2', '10.0.0.1', 2, 10),
                                   link('10.9.0.0', '255.255.0.0', 3, 1, tos=[(1, 20), (2, 30), (7, 40)]),
                                   link('3.3.3.3', '10.0.0.1', 4, 5)]))
net = lsa(2, '10.0.0.2', R2, network('255.255.255.0', [R1, R2, '3.3.3.3']))
sum3 = lsa(3, '10.1.0.0', R1, summary('255.255.255.0', 20, tos=[(1, 30)]), opts=0x22)
sum4 = lsa(4, '4.4.4.4', R1, summary('0.0.0.0', 0xffffff))
ext = lsa(5, '192.168.1.0', R1, external('255.255.255.0', [(True, 0, 20, '10.0.0.9', 0x0a0b0c0d), (False, 1, 0xffffff, '0.0.0.0', 0)]), seq=0x80000123, age=3600)
nssa = lsa(7, '172.16.0.0', R1, external('255.255.0.0', [(False, 0, 100, '10.0.0.1', 0)]), opts=0x08)
group = lsa(6, '224.1.1.1', R1, struct.pack('!I4sI4sI4s', 1, ip4(R1), 2, ip4('10.0.0.2'), 9, ip4('1.2.3.4')))
opaque = lsa(10, '200.0.0.7', R1, bytes(range(0x30, 0x30 + 22)), opts=0x42)
unknown = lsa(12, '9.9.9.9', R1, b'\xde\xad\xbe\xef')

def tlv(t, v): return struct.pack('!HH', t, len(v)) + v + b'\0' * (-len(v) % 4)
f32 = lambda x: struct.pack('!f', x)
ri = lsa(10, '4.0.0.0', R1, tlv(1, struct.pack('!I', 0xf0)) + tlv(9, b'xyz'), opts=0x42)
grace = lsa(9, '3.0.0.0', R1, tlv(1, struct.pack('!I', 120)) + tlv(2, b'\x01') + tlv(3, ip4('10.0.0.1')) + tlv(7, b'\xab\xcd') + tlv(2, b'\x09'))
te = lsa(10, '1.0.0.1', R1, tlv(1, ip4(R1)) + tlv(2, tlv(1, b'\x02') + tlv(2, ip4('10.0.0.2')) + tlv(3, ip4('10.0.0.1')) + tlv(4, ip4('10.0.0.2'))
                                              + tlv(5, struct.pack('!I', 10)) + tlv(6, f32(125000000.0)) + tlv(7, f32(1234567.0))
                                              + tlv(8, b''.join(f32(1000.0 * (i + 1)) for i in range(8))) + tlv(9, struct.pack('!I', 0x80000001))
                                              + tlv(11, struct.pack('!II', 7, 9)) + tlv(16, struct.pack('!II', 1, 65536)) + tlv(200, b'\x01\x02')))

A, B = '10.0.0.1', '10.0.0.2'
frames = [
    # Hellos: first one (no DR, no neighbours), a DR/BDR with neighbours, a BDR without DR, every option bit
    frame(ospf(1, hello())),
    frame(ospf(1, hello(pri=10, dr=A, bdr=B, nbrs=[R2, '3.3.3.3']))),
    frame(ospf(1, hello(dr='0.0.0.0', bdr=B, nbrs=[R2]), rid=R2), src=B),
    frame(ospf(1, hello(opts=0xff, hi=65535, dead=0xffffffff, mask='255.255.255.252', pri=0), area='0.0.0.1')),
    frame(ospf(1, hello(opts=0x00), area='10.20.30.40')),
    # authentication: simple password (short, 8 bytes, non-printable), keyed MD5 with its digest, unknown types
    frame(ospf(1, hello(), autype=1, auth=b'secret')),
    frame(ospf(1, hello(), autype=1, auth=b'12345678')),
    frame(ospf(1, hello(), autype=1, auth=b'a\x01b\xffc\x7f')),
    frame(ospf(1, hello(dr=A, nbrs=[R2]), autype=2, auth=struct.pack('!HBBI', 0, 5, 16, 0x6b036ece), trailer=bytes(range(0xa0, 0xb0)))),
    frame(ospf(1, hello(), autype=7, auth=b'zzzzzzzz')),
    frame(ospf(2, dd(), autype=3)),
    # Database Description: the first (I, M, MS), headers of several types, no MTU, OOB resync, a bogus length
    frame(ospf(2, dd()), dst=B),
    frame(ospf(2, dd(flags=0x02, mtu=0, seq=0x0c58cd4b, hdrs=[lshdr(1, R1, R1, b'\0' * 24), lshdr(5, '192.168.1.0', R1, b'\0' * 16, age=3600),
                                                          lshdr(10, '1.0.0.5', R1, b'\0' * 8, opts=0x42), lshdr(99, '9.9.9.9', R2, b''),
                                                          lshdr(4, '4.4.4.4', R1, b'\0' * 8, opts=0)]), rid=R2), src=B, dst=A),
    frame(ospf(2, dd(flags=0x08, opts=0x52)), dst=B),
    frame(ospf(2, dd(flags=0x00, hdrs=[lshdr(2, '10.0.0.2', R2, b'\0' * 12), lshdr(1, R1, R1, b'', length=19), lshdr(1, R2, R2, b'\0' * 4)])), dst=B),
    # LS requests of every type, opaque ones, an unknown type
    frame(ospf(3, lsr((1, R1, R1), (2, '10.0.0.2', R2), (3, '10.1.0.0', R1), (4, '4.4.4.4', R1), (5, '192.168.1.0', R1),
                      (6, '224.1.1.1', R1), (7, '172.16.0.0', R1), (9, '4.0.0.0', R1), (10, '1.0.0.5', R1), (11, '200.1.2.3', R1),
                      (42, '9.9.9.9', R1))), dst=B),
    # LS updates: one of each LSA type, one LSA, none, a router link of unknown type, an unknown LSA type
    frame(ospf(4, lsu([rtr, net, sum3, sum4, ext, nssa, group, opaque, unknown]))),
    frame(ospf(4, lsu([net]), rid=R2), src=B),
    frame(ospf(4, lsu([]))),
    frame(ospf(4, lsu([lsa(1, R1, R1, router(0x3f | 0x80, [link('10.9.0.0', '255.255.0.0', 3, 1), link('1.2.3.4', '5.6.7.8', 9, 1), link('10.8.0.0', '255.255.0.0', 3, 1)])), sum3]))),
    frame(ospf(4, lsu([lsa(1, R2, R2, router(0x00, [])), lsa(1, R2, R2, router(0x04, [link('2.2.2.2', '10.0.0.2', 4, 1)]), opts=0)]))),
    # LSA checksums and packet checksums that are wrong (tcpdump does not check them)
    frame(ospf(4, lsu([lsa(3, '10.2.0.0', R1, summary('255.255.0.0', 1), cks=False)]), good=False)),
    frame(ospf(1, hello(nbrs=[R2]), good=False)),
    # LS update whose count is more than the LSAs it holds, one with a bogus LSA length, a router LSA whose links run past it
    frame(ospf(4, lsu([net], count=3))),
    frame(ospf(4, lsu([lsa(2, '10.0.0.2', R2, network('255.255.255.0', [R1]), length=12), net]))),
    frame(ospf(4, lsu([lsa(1, R1, R1, router(0, [link('10.9.0.0', '255.255.0.0', 3, 1)], count=3))]))),
    frame(ospf(4, lsu([lsa(2, '10.0.0.2', R2, network('255.255.255.0', [R1]) + b'\x0a\x00', length=30)]))),
    # LS acks: two headers, a bogus length after a good one, an empty one
    frame(ospf(5, b''.join([lshdr(1, R1, R1, b'\0' * 24), lshdr(2, '10.0.0.2', R2, b'\0' * 12)]), rid=R2), src=B),
    frame(ospf(5, b''.join([lshdr(3, '10.1.0.0', R1, b'\0' * 8), lshdr(3, '10.1.0.0', R1, b'', length=4), lshdr(3, '10.2.0.0', R1, b'\0' * 8)]))),
    frame(ospf(5, b'')),
    # LLS (RFC 5613) after Hello and DD packets with the L option: extended options, crypto, unknown TLVs, bad lengths
    frame(ospf(1, hello(opts=0x12), length=44) + struct.pack('!HHHHI', 0xabcd, 3, 1, 4, 0x00000003)),
    frame(ospf(1, hello(opts=0x12), length=44) + struct.pack('!HHHHIHH', 0, 5, 1, 8, 0x00000001, 0, 0) + struct.pack('!HH', 7, 0)),
    frame(ospf(2, dd(opts=0x52), length=32) + struct.pack('!HHHHI', 0, 8, 2, 20, 0x11223344) + b'\0' * 16),
    frame(ospf(1, hello(opts=0x12), autype=2, auth=struct.pack('!HBBI', 0, 1, 16, 9), length=44, trailer=bytes(16) + struct.pack('!HHHHI', 0, 3, 1, 4, 0))),
    frame(ospf(1, hello(opts=0x12), length=44) + b'\x00\x01'),
    frame(ospf(1, hello(opts=0x02), length=44) + b'\x00\x01\x02\x03'),
    # the packet length field more than the IPv4 payload
    frame(ospf(1, hello(nbrs=[R2, '3.3.3.3']), length=60)[:48]),
    # unknown packet types, other versions
    frame(ospf(0, hello())),
    frame(ospf(9, hello())),
    frame(ospf(1, hello(), version=3)),
    frame(ospf(3, lsr((1, R1, R1)), version=1)),
    # cut short: shorter than the header, a header without its authentication field, Hellos cut mid-body
    frame(ospf(1, hello())[:10]),
    frame(ospf(1, hello())[:20]),
    frame(ospf(1, hello())[:24]),
    frame(ospf(1, hello())[:34]),
    frame(ospf(1, hello(dr=A, nbrs=[R2, '3.3.3.3']))[:50]),
    frame(ospf(1, hello(), autype=1, auth=b'abc')[:19]),
    # MD5 packets whose digest is missing or partial
    frame(ospf(1, hello(nbrs=[R2]), autype=2, auth=struct.pack('!HBBI', 0, 1, 16, 5))),
    frame(ospf(5, lshdr(1, R1, R1, b'\0' * 24), autype=2, auth=struct.pack('!HBBI', 0, 1, 16, 5), trailer=bytes(8))),
    # DD, LS request, LS update and LS ack cut short
    frame(ospf(2, dd(hdrs=[lshdr(1, R1, R1, b'\0' * 24)]))[:60]),
    frame(ospf(3, lsr((1, R1, R1), (2, '10.0.0.2', R2)))[:44]),
    frame(ospf(4, lsu([rtr]))[:70]),
    frame(ospf(4, lsu([ext]))[:60]),
    frame(ospf(4, lsu([sum3]))[:50]),
    frame(ospf(5, b''.join([lshdr(1, R1, R1, b'\0' * 24), lshdr(2, '10.0.0.2', R2, b'\0' * 12)]))[:60]),
    # an IPv4 length beyond the captured bytes
    frame(ospf(1, hello()), ip_len=100),
    # opaque LSAs (RFC 5250): router information (RFC 4970), grace (RFC 3623), traffic engineering (RFC 3630)
    frame(ospf(4, lsu([ri, grace, te]))),
    frame(ospf(4, lsu([te, net]))),
    frame(ospf(4, lsu([lsa(10, '4.0.0.0', R1, tlv(1, struct.pack('!I', 0x3ff)) + tlv(1, b'\0\0\0'), opts=0x42),
                       lsa(10, '4.0.0.1', R1, tlv(1, struct.pack('!I', 0)) + struct.pack('!HH', 2, 40), opts=0x42),
                       lsa(9, '3.0.0.0', R1, tlv(2, b'\x09') + tlv(1, b'\0\0')),
                       lsa(9, '3.0.0.0', R1, tlv(1, struct.pack('!I', 60)) + struct.pack('!HH', 4, 0)),
                       lsa(10, '1.0.0.2', R1, tlv(2, tlv(1, b'\x01\x00')) + tlv(1, ip4(R1)))]))),
    frame(ospf(4, lsu([lsa(10, '1.0.0.3', R1, tlv(2, struct.pack('!HH', 0, 4) + b'\0' * 4)),
                       lsa(10, '1.0.0.4', R1, tlv(2, tlv(5, struct.pack('!I', 1)) + struct.pack('!HH', 3, 8) + ip4(R1))),
                       lsa(10, '1.0.0.5', R1, tlv(1, b'\x01\x01') + tlv(9, b'abc'))]))),
    frame(ospf(4, lsu([ri]))[:70]),
    frame(ospf(4, lsu([te]))[:90]),
]

with open('ospf-crafted.pcap', 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
    for i, fr in enumerate(frames):
        f.write(struct.pack('<IIII', 1700000000 + i, 0, len(fr), len(fr)) + fr)

env = {'PATH': '/usr/sbin:/usr/bin:/sbin:/bin', 'LC_ALL': 'C', 'TZ': 'UTC'}
for name in ('ospf-crafted', 'ospf-live', 'ospf-live-md5'):
    for v in ('-v', '-vv'):
        out = subprocess.run(['tcpdump', v, '-n', '-t', '-r', name + '.pcap'], capture_output=True, text=True, env=env).stdout
        open('%s%s.txt' % (name, v), 'w').write(out)
