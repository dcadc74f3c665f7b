// The packet formats layer: zero-copy views, plain Reprs, parse/emit and tcpdump-style formatters for
// Ethernet (802.1Q), ARP, IPv4, ICMP, UDP and TCP, plus address and checksum helpers. Imports nothing outside wire/.
export * from './checksum.ts';
export * from './frame-memory.ts';
export * from './mac-address.ts';
export * from './ipv4-address.ts';
export * from './ethernet.ts';
export * from './arp.ts';
export * from './ipv4.ts';
export * from './icmp.ts';
export * from './icmp-format.ts';
export * from './udp.ts';
export * from './tcp.ts';
export * from './tcp-format.ts';
export * from './hexdump.ts';
export * from './tcpdump.ts';
export * from './format-names.ts';
export * from './tcpdump-notes.ts';
