// Golden cases where the guest is knowingly not what the recording shows, each with the reason. They are
// skipped (and named by the runner) until the stack or the kernel ABI gives the tool what it needs.
export const KNOWN_DIFFERENCES: Record<string, string> = {
  'ip-link-up-nocarrier': 'a veth has no carrier until its peer is up; a guest NIC on a collision domain (a hub, as in Kathará) has carrier at once',
  'ip-a-add-scope-link': 'stack: Linux lists a new address of narrower scope (link) before existing global ones',
  'ip-a-add-peer': 'ABI: RtAddrSpec has no peer address (ip addr add A peer B)',
  'ip-a-err-multicast': 'stack refuses a multicast local address; the kernel accepts it',
  'ip-a-err-label': 'stack refuses a label not starting with the device name; the kernel accepts it',
  'ip-route-err-no-nexthop': 'stack: a route without gateway or device fails with ENODEV and no extack in Linux',
  'ip-route-err-dev-down': 'stack: the extack is "Device for nexthop is not up"',
  'ip-neigh-add-nud': 'stack: nud noarp without lladdr is refused by Linux ("No link layer address given")',
  'ifconfig-up-fresh': 'a veth has no carrier until its peer is up; a guest NIC on a hub has carrier at once',
  'route-add-host': 'the recording raced the kernel linkwatch (a transient "linkdown" on a route); re-record to fix',
  'netstat-s': 'stack: /proc/net/netstat has no MPTcpExt section (Linux 6.x writes its header even with no counters)',
};
