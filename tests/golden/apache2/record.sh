#!/bin/sh
# Records Debian 12's apache2 (2.4.71-1~deb12u1) answering raw HTTP requests, for apache2.test.ts.
# Run as root on Debian 12 with apache2 installed: UPDATE_GOLDEN=1 is not involved, run it by hand.
# Two network namespaces (nlweb-srv 10.0.0.1, nlweb-cli 10.0.0.2) joined by a veth pair; apache2 runs in
# nlweb-srv in a private mount namespace where a copy of /etc/apache2 (plus conf-enabled/noindex.conf
# from this folder) and the document tree of docroot.sh are bound over /etc/apache2 and /var/www, its
# hostname `server` and /etc/hosts as a Netloom guest has it (no line for `server`), pid file, run, lock
# and log directories under /tmp/nlweb. Each case is cases/NAME.req sent with `nc 10.0.0.1 80`; the
# reply is stored as cases/NAME.resp, the log lines it added as cases/NAME.log.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/nlweb
cleanup() {
  [ -f $W/run/apache2.pid ] && kill "$(cat $W/run/apache2.pid)" 2>/dev/null || true
  sleep 1
  ip netns del nlweb-srv 2>/dev/null || true
  ip netns del nlweb-cli 2>/dev/null || true
  rm -rf /etc/netns/nlweb-srv
}
trap cleanup EXIT
rm -rf $W; mkdir -p $W/run $W/lock $W/log $W/www
cp -a /etc/apache2 $W/apache2
cp "$HERE/noindex.conf" $W/apache2/conf-available/noindex.conf
ln -s ../conf-available/noindex.conf $W/apache2/conf-enabled/noindex.conf
mkdir -p $W/www/html
cp /var/www/html/index.html $W/www/html/index.html
touch -d '2025-01-01 00:00:00 UTC' $W/www/html/index.html
sh "$HERE/docroot.sh" $W/www
ip netns add nlweb-srv; ip netns add nlweb-cli
ip link add nlweb-a type veth peer name nlweb-b
ip link set nlweb-a netns nlweb-srv; ip link set nlweb-b netns nlweb-cli
ip -n nlweb-srv addr add 10.0.0.1/24 dev nlweb-a; ip -n nlweb-srv link set nlweb-a up; ip -n nlweb-srv link set lo up
ip -n nlweb-cli addr add 10.0.0.2/24 dev nlweb-b; ip -n nlweb-cli link set nlweb-b up; ip -n nlweb-cli link set lo up
mkdir -p /etc/netns/nlweb-srv
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n' > /etc/netns/nlweb-srv/hosts
ENVV="APACHE_RUN_USER=www-data APACHE_RUN_GROUP=www-data APACHE_PID_FILE=$W/run/apache2.pid APACHE_RUN_DIR=$W/run APACHE_LOCK_DIR=$W/lock APACHE_LOG_DIR=$W/log LANG=C"
ip netns exec nlweb-srv unshare -um --propagation private sh -c "
  hostname server
  mount --bind $W/apache2 /etc/apache2
  mount --bind $W/www /var/www
  env -i $ENVV /usr/sbin/apache2 -k start" > $HERE/start.out 2>&1
sleep 1
for req in "$HERE"/cases/*.req; do
  name=${req%.req}
  before=$(wc -c < $W/log/access.log)
  ebefore=$(wc -c < $W/log/error.log)
  ip netns exec nlweb-cli nc 10.0.0.1 80 < "$req" > "$name.resp" || true
  sleep 0.2
  { tail -c +$((before + 1)) $W/log/access.log; tail -c +$((ebefore + 1)) $W/log/error.log; } > "$name.log"
done
cp $W/log/error.log $HERE/error.log
