#!/bin/bash
# Records what FRR 8.4.4 (Debian 12's frr package) prints for zebra's show commands, for the lab in lab/,
# run for real. As tests/golden/frr/record.sh: each device is a network namespace (nlzeb-r1 ...) with its
# own mount and UTS namespaces (hostname, /etc/frr from the lab folder, empty /var/run/frr and
# /var/log/frr, as a Kathará container has them). As Kathará wires containers, each collision domain
# of lab.conf is a bridge, here in one more namespace (nlzeb-hub), and each interface a veth whose
# other end is a port of that bridge, with the MAC lab.conf gives it. Each device's startup lines run,
# then `/etc/init.d/frr start`; after RIP has converged, every line of cases.txt (NAME|DEVICE|COMMAND)
# runs on its device and its output goes to expected/NAME.txt. Nothing is created in the host's own
# namespace, and everything started is stopped and deleted at the end.
# Needs root and the frr package. Usage: UPDATE_GOLDEN=1 ./record.sh
set -euo pipefail
[ "${UPDATE_GOLDEN:-}" = 1 ] || { echo "set UPDATE_GOLDEN=1 to re-record" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
lab=$here/lab
out=$here/expected
work=$(mktemp -d)
devs=(r1 r2 r3)
pids=()
cleanup() {
  for n in "${devs[@]}"; do
    [ -f "$work/$n.pid" ] && nsenter -t "$(cat "$work/$n.pid")" -m -u -n /etc/init.d/frr stop >/dev/null 2>&1 || true
    ip netns del "nlzeb-$n" 2>/dev/null || true
  done
  ip netns del nlzeb-hub 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
rm -rf "$out"; mkdir -p "$out"
ip netns add nlzeb-hub
for n in "${devs[@]}"; do ip netns add "nlzeb-$n"; done
# lab.conf lines `DEV[N]="CD/MAC"`: a bridge per collision domain, a veth per interface.
while IFS= read -r line; do
  [[ $line =~ ^([a-z0-9]+)\[([0-9]+)\]=\"([A-Za-z0-9]+)/([0-9a-f:]+)\"$ ]] || continue
  dev=${BASH_REMATCH[1]} idx=${BASH_REMATCH[2]} cd=${BASH_REMATCH[3]} mac=${BASH_REMATCH[4]}
  ip -n nlzeb-hub link show "br$cd" >/dev/null 2>&1 || { ip -n nlzeb-hub link add "br$cd" type bridge; ip -n nlzeb-hub link set "br$cd" up; }
  ip -n nlzeb-hub link add "$dev-$idx" type veth peer name "eth$idx" address "$mac" netns "nlzeb-$dev"
  ip -n nlzeb-hub link set "$dev-$idx" master "br$cd" up
done < "$lab/lab.conf"
. "$here/../frr-container.sh"
for n in "${devs[@]}"; do
  for i in $(ip -n "nlzeb-$n" -o link show | awk -F': ' '/eth/ {print $2}' | cut -d@ -f1); do
    ip netns exec "nlzeb-$n" sysctl -q -w "net.ipv6.conf.$i.disable_ipv6=1"
  done
  frr_container "nlzeb-$n" "$n" "$lab"
done
sleep 1
frr_record "$lab" "$here/cases.txt" "$out" "${devs[@]}"
