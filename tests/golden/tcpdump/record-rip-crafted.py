#!/usr/bin/env python3
# Builds rip-crafted.pcap (run in this folder; then `tcpdump -vv -n -t -r rip-crafted.pcap > rip-crafted-vv.txt`,
# which core/net/wire/rip-format.test.ts compares with, as tcpdump here takes no -vv yet): RIP messages (UDP port 520) made byte by byte for tcpdump's RIP decoder:
# v1 and v2 requests and responses, next hops and tags, odd masks, simple password and keyed MD5
# authentication (RFC 2082 header and trailer), unknown address families, authentication types,
# commands and versions, non-zero must-be-zero fields, and lengths that are not whole entries.
import struct

def csum(b):
    if len(b) % 2: b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff

def ip4(a): return bytes(int(x) for x in a.split('.'))

def frame(src, dst, payload, sport=520, dport=520, ttl=1, udp_len=None):
    ulen = 8 + len(payload) if udp_len is None else udp_len
    udp = struct.pack('!HHHH', sport, dport, ulen, 0) + payload
    pseudo = ip4(src) + ip4(dst) + struct.pack('!BBH', 0, 17, len(udp))
    c = csum(pseudo + udp) or 0xffff
    udp = udp[:6] + struct.pack('!H', c) + udp[8:]
    hdr = struct.pack('!BBHHHBBH4s4s', 0x45, 0xc0, 20 + len(udp), 1, 0x4000, ttl, 17, 0, ip4(src), ip4(dst))
    hdr = hdr[:10] + struct.pack('!H', csum(hdr)) + hdr[12:]
    dmac = bytes.fromhex('01005e000009') if dst == '224.0.0.9' else bytes.fromhex('ffffffffffff') if dst.endswith('.255') else bytes.fromhex('020000000002')
    return dmac + bytes.fromhex('020000000001') + b'\x08\x00' + hdr + udp

def rip(cmd, vers, entries, zero=0): return struct.pack('!BBH', cmd, vers, zero) + b''.join(entries)
def rte2(afi, tag, addr, mask, nh, metric): return struct.pack('!HH4s4s4sI', afi, tag, ip4(addr), ip4(mask), ip4(nh), metric)
def rte1(addr, metric, afi=2, mbz=(0, 0, 0)):
    return struct.pack('!HH4sIII', afi, mbz[0], ip4(addr), mbz[1], mbz[2], metric)
def auth(t, data): return struct.pack('!HH', 0xffff, t) + data.ljust(16, b'\0')[:16]

A, G, B = '10.0.0.1', '224.0.0.9', '10.0.0.255'
frames = [
    # v2 responses to the group: next hop self and given, tags, metric 16, a /32 and a host-less default
    frame(A, G, rip(2, 2, [rte2(2, 0, '10.1.0.0', '255.255.255.0', '0.0.0.0', 1),
                           rte2(2, 0x1234, '192.168.100.0', '255.255.252.0', '10.0.0.9', 15)])),
    frame(A, G, rip(2, 2, [rte2(2, 7, '0.0.0.0', '0.0.0.0', '0.0.0.0', 16), rte2(2, 0, '10.2.3.4', '255.255.255.255', '0.0.0.0', 2),
                           rte2(2, 0, '10.9.0.0', '255.0.255.0', '0.0.0.0', 3)])),
    # whole-table requests, v2 to the group and v1 broadcast; a request for one route
    frame(A, G, rip(1, 2, [rte2(0, 0, '0.0.0.0', '0.0.0.0', '0.0.0.0', 16)])),
    frame(A, B, rip(1, 1, [rte1('0.0.0.0', 16, afi=0)])),
    frame(A, '10.0.0.2', rip(1, 2, [rte2(2, 0, '10.5.0.0', '255.255.0.0', '0.0.0.0', 16)]), sport=5000),
    # a v1 response (broadcast), then one with a non-zero must-be-zero field and an unknown family
    frame(A, B, rip(2, 1, [rte1('10.1.0.0', 1), rte1('172.16.0.0', 2)])),
    frame(A, B, rip(2, 1, [rte1('10.1.0.0', 1, mbz=(0, 0xffffff00, 0)), rte1('10.2.0.0', 4, afi=7), rte1('10.3.0.0', 5)])),
    # answer to port 5000
    frame('10.0.0.2', A, rip(2, 2, [rte2(2, 0, '10.5.0.0', '255.255.0.0', '0.0.0.0', 2)]), dport=5000, ttl=64),
    # simple password: short, 16 characters, non-printable bytes
    frame(A, G, rip(2, 2, [auth(2, b'secret'), rte2(2, 0, '10.1.0.0', '255.255.0.0', '0.0.0.0', 1)])),
    frame(A, G, rip(2, 2, [auth(2, b'0123456789abcdef'), rte2(2, 0, '10.1.0.0', '255.255.0.0', '0.0.0.0', 1)])),
    frame(A, G, rip(2, 2, [auth(2, b'a\x01b\xffc\x7f'), rte2(2, 0, '10.1.0.0', '255.255.0.0', '0.0.0.0', 1)])),
    # keyed MD5: header, routes, trailer (RFC 2082)
    frame(A, G, rip(2, 2, [struct.pack('!HHHBBIII', 0xffff, 3, 44, 1, 20, 1700000000, 0, 0),
                           rte2(2, 0, '10.1.0.0', '255.255.0.0', '0.0.0.0', 1),
                           auth(1, bytes(range(0x10, 0x20)))])),
    # an unknown authentication type; an unknown family in v2; AFI 0 in a response
    frame(A, G, rip(2, 2, [auth(9, b'xyz'), rte2(2, 0, '10.1.0.0', '255.255.0.0', '0.0.0.0', 1)])),
    frame(A, G, rip(2, 2, [rte2(10, 0, '10.1.0.0', '255.255.0.0', '0.0.0.0', 1), rte2(2, 0, '10.8.0.0', '255.255.0.0', '0.0.0.0', 1)])),
    frame(A, G, rip(2, 2, [rte2(0, 0, '10.1.0.0', '255.255.0.0', '0.0.0.0', 1)])),
    # version 0, version 3, unknown commands, trace on/off, poll, poll entry
    frame(A, G, rip(2, 0, [rte2(2, 0, '10.1.0.0', '255.255.0.0', '0.0.0.0', 1)])),
    frame(A, G, rip(2, 3, [rte2(2, 0, '10.1.0.0', '255.255.0.0', '0.0.0.0', 1)])),
    frame(A, G, rip(9, 2, [rte2(2, 0, '10.1.0.0', '255.255.0.0', '0.0.0.0', 1)])),
    frame(A, G, rip(3, 2, [b'/tmp/trace\0\0'])),
    frame(A, G, rip(4, 1, [])),
    frame(A, G, rip(5, 2, [rte2(0, 0, '0.0.0.0', '0.0.0.0', '0.0.0.0', 16)])),
    frame(A, G, rip(6, 1, [rte1('10.1.0.0', 1)])),
    # header only; shorter than a header; a partial entry after a whole one (v2 and v1); an entry header only
    frame(A, G, rip(2, 2, [])),
    frame(A, G, b'\x02\x02'),
    frame(A, G, rip(2, 2, [rte2(2, 0, '10.1.0.0', '255.255.0.0', '0.0.0.0', 1), b'\x00\x02\x00\x00\x0a\x02\x00\x00\xff\xff'])),
    frame(A, B, rip(2, 1, [rte1('10.1.0.0', 1), b'\x00\x02\x00\x00\x0a\x02'])),
    frame(A, G, rip(2, 2, [b'\x00\x02\x00\x00'])),
    # simple password cut short; MD5 header cut short; non-zero unused header bytes
    frame(A, G, rip(2, 2, [b'\xff\xff\x00\x02abc'])),
    frame(A, G, rip(2, 2, [b'\xff\xff\x00\x03\x00\x2c\x01\x14'])),
    frame(A, G, rip(2, 2, [rte2(2, 0, '10.1.0.0', '255.255.0.0', '0.0.0.0', 1)], zero=0xabcd)),
    # a UDP length beyond the captured bytes
    frame(A, G, rip(2, 2, [rte2(2, 0, '10.1.0.0', '255.255.0.0', '0.0.0.0', 1)]), udp_len=60),
]
with open('rip-crafted.pcap', 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
    for i, fr in enumerate(frames):
        f.write(struct.pack('<IIII', 1700000000 + i, 0, len(fr), len(fr)) + fr)
