# Sourced by the FRR recorders (golden/frr, frr-zebra, frr-vtysh, frr-bgp, frr-ospf): a Kathará-like container for one lab
# device in an existing network namespace. Needs $work (a scratch folder) and the array pids.
#
#   frr_container NETNS DEVICE LABDIR [EXTRA_MOUNTS]
# starts, inside NETNS, new mount and UTS namespaces holding the device: IPv6 off (Netloom's guests
# have none), lo up, hostname DEVICE, /etc/frr = the package's vtysh.conf plus LABDIR/DEVICE/etc/frr
# (frr:frr, 0640), empty tmpfs /var/run/frr and /var/log/frr; EXTRA_MOUNTS are more tmpfs mount points.
# Its process id goes to $work/DEVICE.pid, for in_dev.
frr_container() {
  local ns=$1 dev=$2 lab=$3 extra=${4:-}
  ip netns exec "$ns" sysctl -q -w net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  ip -n "$ns" link set lo up
  mkdir -p "$work/$dev-etc"
  cp /etc/frr/vtysh.conf "$work/$dev-etc/"
  cp -r "$lab/$dev/etc/frr/." "$work/$dev-etc/"
  chown -R frr:frr "$work/$dev-etc"; chmod 640 "$work/$dev-etc"/*
  ip netns exec "$ns" unshare -m -u --propagation private bash -c "
    hostname $dev
    mount -t tmpfs none /var/run/frr; chown frr:frr /var/run/frr; chmod 755 /var/run/frr
    mount -t tmpfs none /var/log/frr; chown frr:frr /var/log/frr
    for m in $extra; do mount -t tmpfs none \$m; done
    mount --bind $work/$dev-etc /etc/frr
    echo \$\$ > $work/$dev.pid
    exec sleep 100000" &
  pids+=($!)
}

# in_dev DEVICE COMMAND...: runs COMMAND with bash inside the device's container.
in_dev() { local n=$1; shift; nsenter -t "$(cat "$work/$n.pid")" -m -u -n bash -c "$*"; }

# frr_record LABDIR CASES OUT DEVICE...: runs each device's startup lines and `/etc/init.d/frr start`
# (its output in OUT/start-DEVICE.txt), lets RIP converge for 12 s, then runs each NAME|DEVICE|COMMAND
# line of CASES in its device, its output in OUT/NAME.txt.
frr_record() {
  local lab=$1 cases=$2 out=$3; shift 3
  local n name dev cmd
  for n in "$@"; do
    in_dev "$n" "$(cat "$lab/$n.startup")"
    in_dev "$n" /etc/init.d/frr start > "$out/start-$n.txt" 2>&1
  done
  sleep 12
  while IFS='|' read -r name dev cmd; do
    [ -z "$name" ] && continue
    in_dev "$dev" "$cmd" > "$out/$name.txt" 2>&1 || true
  done < "$cases"
  echo "recorded $(ls "$out" | wc -l) outputs in $out"
}

# frr_bridged_lab PREFIX: the devices ${devs[@]} of $lab/lab.conf as containers in namespaces PREFIX-DEV,
# wired as Kathará wires them: each collision domain a bridge in one more namespace (PREFIX-hub), each
# interface a veth whose other end is a port of that bridge, with the MAC lab.conf gives it (lines
# `DEV[N]="CD/MAC"`), IPv6 off. Sets a trap that stops FRR and deletes everything at exit. Needs $work,
# $lab, the arrays devs and pids.
frr_bridged_lab() {
  local prefix=$1 line dev idx cd mac n i
  bridged_prefix=$prefix
  trap frr_bridged_cleanup EXIT
  rm -rf "$out"; mkdir -p "$out"
  ip netns add "$prefix-hub"
  for n in "${devs[@]}"; do ip netns add "$prefix-$n"; done
  while IFS= read -r line; do
    [[ $line =~ ^([a-z0-9]+)\[([0-9]+)\]=\"([A-Za-z0-9]+)/([0-9a-f:]+)\"$ ]] || continue
    dev=${BASH_REMATCH[1]} idx=${BASH_REMATCH[2]} cd=${BASH_REMATCH[3]} mac=${BASH_REMATCH[4]}
    ip -n "$prefix-hub" link show "br$cd" >/dev/null 2>&1 || { ip -n "$prefix-hub" link add "br$cd" type bridge; ip -n "$prefix-hub" link set "br$cd" up; }
    ip -n "$prefix-hub" link add "$dev-$idx" type veth peer name "eth$idx" address "$mac" netns "$prefix-$dev"
    ip -n "$prefix-hub" link set "$dev-$idx" master "br$cd" up
  done < "$lab/lab.conf"
  for n in "${devs[@]}"; do
    for i in $(ip -n "$prefix-$n" -o link show | awk -F': ' '/eth/ {print $2}' | cut -d@ -f1); do
      ip netns exec "$prefix-$n" sysctl -q -w "net.ipv6.conf.$i.disable_ipv6=1"
    done
    frr_container "$prefix-$n" "$n" "$lab"
  done
  sleep 1
}

frr_bridged_cleanup() {
  local n p
  for n in "${devs[@]}"; do
    [ -f "$work/$n.pid" ] && nsenter -t "$(cat "$work/$n.pid")" -m -u -n /etc/init.d/frr stop >/dev/null 2>&1 || true
    ip netns del "$bridged_prefix-$n" 2>/dev/null || true
  done
  ip netns del "$bridged_prefix-hub" 2>/dev/null || true
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}

# frr_bridged_record PREFIX [SUBFOLDER]: a whole recording, for the recorder in $here: the lab, cases and
# outputs of $here (or of its SUBFOLDER) in lab/, cases.txt and expected/, the devices those of lab.conf,
# run by frr_bridged_lab PREFIX and frr_record.
frr_bridged_record() {
  base=$here${2:+/$2}
  lab=$base/lab
  out=$base/expected
  work=$(mktemp -d)
  devs=($(sed -n "s/^\([a-z0-9]*\)\[0\].*/\1/p" "$lab/lab.conf"))
  pids=()
  frr_bridged_lab "$1"
  frr_record "$lab" "$base/cases.txt" "$out" "${devs[@]}"
}
