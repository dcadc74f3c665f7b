// Golden cases where the guest is knowingly not what the recording shows, each with the reason. They are
// skipped (and named by the runner) until the stack or the kernel ABI gives the tool what it needs.
export const KNOWN_DIFFERENCES: Record<string, string> = {
  'ip-link-up-nocarrier': 'a veth has no carrier until its peer is up; a guest NIC on a collision domain (a hub, as in Kathará) has carrier at once',
  'ifconfig-up-fresh': 'a veth has no carrier until its peer is up; a guest NIC on a hub has carrier at once',
  'mtr-net-unreachable': "a router without a route answers through ip_error(), whose own limiter (ip_rt_error_cost, ip_rt_error_burst) takes tokens from the same inet_peer as icmp_send()'s: Linux answers one probe in three here, the guest's stack (icmp_send()'s limit only) two",
  'mtr-json-loss': 'the same ip_error() limiter as mtr-net-unreachable: Loss% 66.666 on Linux, 33.333 in the guest',
};
