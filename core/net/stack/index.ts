// The per-guest network stack: contracts, PacketBuffer, interfaces, addresses, routes, neighbours,
// sysctls, counters, the configuration interface and the /proc trees.
export * from './registration.ts';
export * from './packet-buffer.ts';
export * from './errno.ts';
export * from './sysctl.ts';
export * from './counters.ts';
export * from './interface.ts';
export * from './route.ts';
export * from './fib.ts';
export * from './route-exceptions.ts';
export * from './addresses.ts';
export * from './neighbour.ts';
export * from './config.ts';
export * from './stack.ts';
export * from './proc-net.ts';
export * from './proc-sys.ts';
export * from './qdisc.ts';
export * from './rtnl-events.ts';
