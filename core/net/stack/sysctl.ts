// The typed sysctl tables of one stack: net.ipv4.* (global), net.ipv4.conf.{all,default,DEV}.* (per
// interface, combined with `all` the way Linux's IN_DEV_* macros do in include/linux/inetdevice.h) and
// net.ipv4.neigh.DEV.* (neighbour parameters). Defaults recorded from Debian 12 (fixtures/*.txt).
// Each table is a value: a write replaces the stack's or device's table by a changed copy (withValue), so
// the frozen defaults below are shared by every stack and device that never changed one.

/** net.ipv4.* switches the stack reads (numbers); other entries are kept as text in `IPV4_TEXT_DEFAULTS`. */
const ipv4Defaults = {
  ip_forward: 0,
  ip_default_ttl: 64,
  ip_no_pmtu_disc: 0,
  ip_nonlocal_bind: 0,
  icmp_echo_ignore_all: 0,
  icmp_echo_ignore_broadcasts: 1,
  icmp_ignore_bogus_error_responses: 1,
  icmp_errors_use_inbound_ifaddr: 0,
  icmp_ratelimit: 1000,
  icmp_ratemask: 6168,
  icmp_msgs_per_sec: 1000,
  icmp_msgs_burst: 50,
  ipfrag_time: 30,
  ipfrag_high_thresh: 4194304,
  ipfrag_low_thresh: 3145728,
  ipfrag_max_dist: 64,
  ip_early_demux: 1,
  ip_dynaddr: 0,
  ip_forward_use_pmtu: 0,
  ip_unprivileged_port_start: 1024,
  icmp_echo_enable_probe: 0,
  fwmark_reflect: 0,
  igmp_max_memberships: 20,
  igmp_max_msf: 10,
  igmp_qrv: 2,
  igmp_link_local_mcast_reports: 1,
  udp_early_demux: 1,
  tcp_syn_retries: 6,
  tcp_synack_retries: 5,
  tcp_fin_timeout: 60,
  tcp_keepalive_time: 7200,
  tcp_keepalive_intvl: 75,
  tcp_keepalive_probes: 9,
  tcp_retries1: 3,
  tcp_retries2: 15,
  tcp_sack: 1,
  tcp_timestamps: 1,
  tcp_window_scaling: 1,
  tcp_syncookies: 1,
  tcp_ecn: 2,
  tcp_max_syn_backlog: 128,
};
export type Ipv4Sysctl = { readonly [K in keyof typeof ipv4Defaults]: number };
export const IPV4_DEFAULTS: Ipv4Sysctl = Object.freeze(ipv4Defaults);

/** Entries whose value is not one integer: printed and stored as text, tab separated like Linux. */
export const IPV4_TEXT_DEFAULTS: Readonly<Record<string, string>> = Object.freeze({
  ip_local_port_range: '32768\t60999',
  ip_local_reserved_ports: '',
  ping_group_range: '1\t0',
  tcp_rmem: '4096\t131072\t6291456',
  tcp_wmem: '4096\t16384\t4194304',
  tcp_congestion_control: 'cubic',
  tcp_available_congestion_control: 'reno cubic',
  tcp_allowed_congestion_control: 'reno cubic',
});

/** net.ipv4.conf.X.* (Linux IPV4_DEVCONF_*), defaults of a new namespace on Debian 12. */
const devconfDefaults = {
  accept_local: 0,
  accept_redirects: 1,
  accept_source_route: 1,
  arp_accept: 0,
  arp_announce: 0,
  arp_evict_nocarrier: 1,
  arp_filter: 0,
  arp_ignore: 0,
  arp_notify: 0,
  bc_forwarding: 0,
  bootp_relay: 0,
  disable_policy: 0,
  disable_xfrm: 0,
  drop_gratuitous_arp: 0,
  drop_unicast_in_l2_multicast: 0,
  force_igmp_version: 0,
  forwarding: 0,
  igmpv2_unsolicited_report_interval: 10000,
  igmpv3_unsolicited_report_interval: 1000,
  ignore_routes_with_linkdown: 0,
  log_martians: 0,
  mc_forwarding: 0,
  medium_id: 0,
  promote_secondaries: 0,
  proxy_arp: 0,
  proxy_arp_pvlan: 0,
  route_localnet: 0,
  rp_filter: 0,
  secure_redirects: 1,
  send_redirects: 1,
  shared_media: 1,
  src_valid_mark: 0,
  tag: 0,
};
export type DevConf = { readonly [K in keyof typeof devconfDefaults]: number };
export const DEVCONF_DEFAULTS: DevConf = Object.freeze(devconfDefaults);
export type DevConfKey = keyof DevConf;

/** Read-only entries: writing them fails with EACCES... mc_forwarding is the only one in conf/. */
export const DEVCONF_READONLY: ReadonlySet<string> = new Set(['mc_forwarding']);

/** net.ipv4.neigh.DEV.* in the units the files show (the *_ms twins are derived). */
const neighDefaults = {
  anycast_delay: 100,
  app_solicit: 0,
  base_reachable_time_ms: 30000,
  delay_first_probe_time: 5,
  gc_stale_time: 60,
  interval_probe_time_ms: 5000,
  locktime: 100,
  mcast_resolicit: 0,
  mcast_solicit: 3,
  proxy_delay: 80,
  proxy_qlen: 64,
  retrans_time_ms: 1000,
  ucast_solicit: 3,
  unres_qlen: 101,
  unres_qlen_bytes: 212992,
};
export type NeighParams = { readonly [K in keyof typeof neighDefaults]: number };
export const NEIGH_DEFAULTS: NeighParams = Object.freeze(neighDefaults);

/** `table` with `key` set to `value`: a changed copy, or `table` itself when it already holds that value. */
export function withValue<T extends object, K extends keyof T>(table: T, key: K, value: T[K]): T {
  if (table[key] === value) return table;
  const copy: { -readonly [P in keyof T]: T[P] } = { ...table };
  copy[key] = value;
  return copy;
}

/** How a per-device switch combines with conf/all (IN_DEV_ANDCONF / ORCONF / MAXCONF / dev only). */
export type Combine = 'and' | 'or' | 'max' | 'dev';
const COMBINE: Partial<Record<DevConfKey, Combine>> = {
  rp_filter: 'max', // IN_DEV_RPFILTER: IN_DEV_MAXCONF(in_dev, RP_FILTER)
  arp_ignore: 'max',
  arp_announce: 'max',
  arp_notify: 'max',
  arp_filter: 'or',
  arp_accept: 'max',
  proxy_arp: 'or',
  promote_secondaries: 'or',
  accept_local: 'or',
  route_localnet: 'or',
  log_martians: 'or',
  send_redirects: 'or',
  shared_media: 'or',
  secure_redirects: 'or',
  accept_source_route: 'and',
  src_valid_mark: 'or',
  drop_gratuitous_arp: 'or',
  bc_forwarding: 'and',
};

/** The effective value of a switch for a device, as the IN_DEV_* macros compute it. */
export function effectiveConf(all: DevConf, dev: DevConf, key: DevConfKey): number {
  if (key === 'accept_redirects') {
    // IN_DEV_RX_REDIRECTS: "(IN_DEV_FORWARD(in_dev) ? IN_DEV_ANDCONF(...) : IN_DEV_ORCONF(...))"
    return dev.forwarding ? Number(all.accept_redirects && dev.accept_redirects) : Number(all.accept_redirects || dev.accept_redirects);
  }
  switch (COMBINE[key] ?? 'dev') {
    case 'and':
      return Number(all[key] !== 0 && dev[key] !== 0);
    case 'or':
      return Number(all[key] !== 0 || dev[key] !== 0);
    case 'max':
      return Math.max(all[key], dev[key]);
    default:
      return dev[key];
  }
}

/**
 * IN_DEV_RPFILTER(): IN_DEV_MAXCONF(in_dev, RP_FILTER), the same answer as effectiveConf(all, dev,
 * 'rp_filter') with the field read directly: fib_validate_source() asks it for every forwarded packet.
 */
export function effectiveRpFilter(all: DevConf, dev: DevConf): number {
  const a = all.rp_filter;
  const d = dev.rp_filter;
  return a > d ? a : d;
}
