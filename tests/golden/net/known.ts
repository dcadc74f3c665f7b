// Golden cases where the guest is knowingly not what the recording shows, each with the reason. They are
// skipped (and named by the runner) until the stack or the kernel ABI gives the tool what it needs.
export const KNOWN_DIFFERENCES: Record<string, string> = {
  'ip-link-up-nocarrier': 'a veth has no carrier until its peer is up; a guest NIC on a collision domain (a hub, as in Kathará) has carrier at once',
  'ifconfig-up-fresh': 'a veth has no carrier until its peer is up; a guest NIC on a hub has carrier at once',
};
