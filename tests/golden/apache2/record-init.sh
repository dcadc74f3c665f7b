#!/bin/sh
# Records Debian 12's /etc/init.d/apache2 and apache2ctl (apache2 2.4.71-1~deb12u1) for apache2.test.ts:
# in network namespace nlweb-srv (10.0.0.1/24 on a veth) and a private mount namespace where a copy of
# /etc/apache2 is bound over /etc/apache2, its envvars pointing the pid file, run, lock and log
# directories under /tmp/nlweb; hostname `server`, /etc/hosts as a Netloom guest has it. Writes init.out.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/nlweb
rm -rf $W; mkdir -p $W/run $W/lock $W/log
cp -a /etc/apache2 $W/apache2
sed -i "s#^export APACHE_PID_FILE=.*#export APACHE_PID_FILE=$W/run/apache2.pid#; s#^export APACHE_RUN_DIR=.*#export APACHE_RUN_DIR=$W/run#; s#^export APACHE_LOCK_DIR=.*#export APACHE_LOCK_DIR=$W/lock#; s#^export APACHE_LOG_DIR=.*#export APACHE_LOG_DIR=$W/log#" $W/apache2/envvars
ip netns add nlweb-srv
ip netns exec nlweb-srv ip link set lo up
ip netns exec nlweb-srv ip link add nlweb-a type dummy
ip netns exec nlweb-srv ip addr add 10.0.0.1/24 dev nlweb-a
ip netns exec nlweb-srv ip link set nlweb-a up
mkdir -p /etc/netns/nlweb-srv
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n' > /etc/netns/nlweb-srv/hosts
ip netns exec nlweb-srv unshare -um --propagation private sh -c "
  hostname server
  mount --bind $W/apache2 /etc/apache2
  run() { echo \"\\\$ \$1\"; sh -c \"\$1\" 2>&1; echo \"rc=\$?\"; }
  run '/etc/init.d/apache2 start'
  run '/etc/init.d/apache2 start'
  run '/etc/init.d/apache2 status'
  run 'apache2ctl start'
  run 'apache2ctl configtest'
  run 'apache2ctl status'
  run 'ps -eo user,ppid,args | grep [a]pache2 | sed \"s/^\\([a-z-]*\\) *[0-9]* /\\1 PPID /\"'
  run '/etc/init.d/apache2 reload'
  run '/etc/init.d/apache2 restart'
  run '/etc/init.d/apache2 stop'
  run '/etc/init.d/apache2 status'
  run '/etc/init.d/apache2 stop'
  run 'apache2ctl stop'
  run '/etc/init.d/apache2 bogus'
  run 'apache2ctl bogus'
  run 'apache2 -v'
  run 'printf \"\\tFoo bar\\n\" >> /etc/apache2/sites-available/000-default.conf; apache2ctl configtest'
  run '/etc/init.d/apache2 start'
  run 'apache2ctl start'
  run 'sed -i /Foo/d /etc/apache2/sites-available/000-default.conf; echo ServerName www.example.com >> /etc/apache2/apache2.conf; apache2ctl configtest; /etc/init.d/apache2 start; /etc/init.d/apache2 stop'
  run 'sed -i /ServerName/d /etc/apache2/apache2.conf; printf \"10.0.0.1\\tserver\\n\" >> /etc/hosts; apache2ctl configtest'
  run 'printf \"10.0.0.1\\tserver.lab.example server\\n\" > /etc/hosts; apache2ctl configtest'
  run 'echo Listen 80 >> /etc/apache2/ports.conf; apache2ctl configtest'
  run 'sed -i \"\\\$d\" /etc/apache2/ports.conf; echo \"<Directory /x>\" >> /etc/apache2/apache2.conf; apache2ctl configtest'
  run 'sed -i \"\\\$d\" /etc/apache2/apache2.conf; echo \"Include nothing/*.conf\" >> /etc/apache2/apache2.conf; apache2ctl configtest'
  run 'sed -i \"\\\$d\" /etc/apache2/apache2.conf; apache2ctl configtest'
  cat $W/log/error.log | sed 's/^\[[^]]*\]/[TIME]/; s/pid [0-9]*:tid [0-9]*/pid P:tid T/'
" > $HERE/init.out 2>&1
[ -f $W/run/apache2.pid ] && kill "$(cat $W/run/apache2.pid)"
sleep 1
ip netns del nlweb-srv
rm -rf /etc/netns/nlweb-srv
