#!/bin/bash
# Records what FRR 8.4.4 (Debian 12's frr package) prints for bgpd (BGP-4), for the lab in lab/
# (r1 AS 100 - r2 AS 200 - r3 AS 300 - r4 AS 300: eBGP in a line, one iBGP pair, a stub LAN on each),
# run for real. As tests/golden/frr/record.sh: each device is a network namespace (nlbgp-r1 ...) with its
# own mount and UTS namespaces (hostname, /etc/frr from the lab folder, empty /var/run/frr and
# /var/log/frr, as a Kathará container has them). As Kathará wires containers, each collision domain
# of lab.conf is a bridge, here in one more namespace (nlbgp-hub), and each interface a veth whose
# other end is a port of that bridge, with the MAC lab.conf gives it. Each device's startup lines run,
# then `/etc/init.d/frr start`; after BGP has converged (the first case waits 20 s more), every line of cases.txt (NAME|DEVICE|COMMAND)
# runs on its device and its output goes to expected/NAME.txt. Nothing is created in the host's own
# namespace, and everything started is stopped and deleted at the end.
# With an argument (`filters`), the lab, cases and outputs of that subfolder instead (filters/: a provider
# and a customer AS, prefix lists both ways and a default route originated to the customer; ibgp/: an iBGP
# pair without next-hop-self, its eBGP next hop reached through a static route, recursive static routes;
# igp/: an iBGP session between loopbacks that OSPF reaches).
# Needs root and the frr package (and iputils-ping, traceroute for ibgp/). Usage: UPDATE_GOLDEN=1 ./record.sh [filters|ibgp|igp]
set -euo pipefail
[ "${UPDATE_GOLDEN:-}" = 1 ] || { echo "set UPDATE_GOLDEN=1 to re-record" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../frr-container.sh"
frr_bridged_record nlbgp "${1:-}"
