#!/bin/bash
# Records what FRR 8.4.4 (Debian 12's frr package) prints for the lab in lab/, run for real: each device
# is a network namespace with its own mount and UTS namespaces (hostname, /etc/frr from the lab folder,
# empty /var/run/frr and /var/log/frr, as a Kathará container has them), wired by one veth pair.
# Each device's startup lines are run, then `/etc/init.d/frr start`; after RIP has converged, every
# line of cases.txt (NAME|DEVICE|COMMAND) runs on its device and its output goes to expected/NAME.txt.
# Needs root and the frr package. Usage: UPDATE_GOLDEN=1 ./record.sh
set -euo pipefail
[ "${UPDATE_GOLDEN:-}" = 1 ] || { echo "set UPDATE_GOLDEN=1 to re-record" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
lab=$here/lab
out=$here/expected
work=$(mktemp -d)
pids=()
cleanup() {
  for n in r1 r2; do
    [ -f "$work/$n.pid" ] && nsenter -t "$(cat "$work/$n.pid")" -m -u -n /etc/init.d/frr stop >/dev/null 2>&1 || true
    ip netns del "nlfrr-$n" 2>/dev/null || true
  done
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
rm -rf "$out"; mkdir -p "$out"
for n in r1 r2; do ip netns add "nlfrr-$n"; done
ip link add nlfrr-a type veth peer name nlfrr-b
ip link set nlfrr-a netns nlfrr-r1; ip link set nlfrr-b netns nlfrr-r2
ip -n nlfrr-r1 link set nlfrr-a name eth0; ip -n nlfrr-r2 link set nlfrr-b name eth0
. "$here/../frr-container.sh"
for n in r1 r2; do frr_container "nlfrr-$n" "$n" "$lab"; done
sleep 1
frr_record "$lab" "$here/cases.txt" "$out" r1 r2
