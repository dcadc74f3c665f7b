// Between guests: collision domains (hubs), cables with netem-like shaping, capture taps and pcap.
export * from './pcap.ts';
export * from './cable.ts';
export * from './collision-domain.ts';
export * from './capture.ts';
export * from './attach.ts';
