// The programs of the base image, by the name their files carry (see kernel/exec.ts).
import type { Program } from '../kernel/abi.ts';
import { main as bash } from '../userland/bin/bash.ts';
import { main as cat } from '../userland/bin/cat.ts';
import { main as clear } from '../userland/bin/clear.ts';
import { main as echo } from '../userland/bin/echo.ts';
import { main as falseProgram } from '../userland/bin/false.ts';
import { main as hostname } from '../userland/bin/hostname.ts';
import { main as id } from '../userland/bin/id.ts';
import { main as init } from '../userland/bin/init.ts';
import { main as kill } from '../userland/bin/kill.ts';
import { main as ls } from '../userland/bin/ls.ts';
import { main as mkdir } from '../userland/bin/mkdir.ts';
import { main as ps } from '../userland/bin/ps.ts';
import { main as pwd } from '../userland/bin/pwd.ts';
import { main as rm } from '../userland/bin/rm.ts';
import { main as sleep } from '../userland/bin/sleep.ts';
import { main as touch } from '../userland/bin/touch.ts';
import { main as trueProgram } from '../userland/bin/true.ts';
import { main as uname } from '../userland/bin/uname.ts';
import { main as grepProgram } from '../userland/bin/grep.ts';
import { main as egrepProgram } from '../userland/bin/egrep.ts';
import { main as fgrepProgram } from '../userland/bin/fgrep.ts';
import { main as headProgram } from '../userland/bin/head.ts';
import { main as ddProgram } from '../userland/bin/dd.ts';
import { main as ttyProgram } from '../userland/bin/tty.ts';
import { main as sttyProgram } from '../userland/bin/stty.ts';
import { main as tailProgram } from '../userland/bin/tail.ts';
import { main as wcProgram } from '../userland/bin/wc.ts';
import { main as sortProgram } from '../userland/bin/sort.ts';
import { main as uniqProgram } from '../userland/bin/uniq.ts';
import { main as cutProgram } from '../userland/bin/cut.ts';
import { main as trProgram } from '../userland/bin/tr.ts';
import { main as teeProgram } from '../userland/bin/tee.ts';
import { main as seqProgram } from '../userland/bin/seq.ts';
import { main as basenameProgram } from '../userland/bin/basename.ts';
import { main as dirnameProgram } from '../userland/bin/dirname.ts';
import { main as tacProgram } from '../userland/bin/tac.ts';
import { main as tc } from '../userland/bin/tc.ts';
import { main as rev } from '../userland/bin/rev.ts';
import { main as tcpdump } from '../userland/bin/tcpdump.ts';
import { nftMain as xtablesNft, legacyMain as xtablesLegacy } from '../userland/bin/iptables.ts';
import { main as printenvProgram } from '../userland/bin/printenv.ts';
import { main as whoamiProgram } from '../userland/bin/whoami.ts';
import { main as yesProgram } from '../userland/bin/yes.ts';
import { main as viProgram } from '../userland/bin/vi.ts';
import { main as nanoProgram } from '../userland/bin/nano.ts';
import { main as sedProgram } from '../userland/bin/sed.ts';
import { main as awkProgram } from '../userland/bin/awk.ts';
import { main as ipProgram } from '../userland/bin/ip.ts';
import { main as brctlProgram } from '../userland/bin/brctl.ts';
import { main as bridgeProgram } from '../userland/bin/bridge.ts';
import { main as ifconfigProgram } from '../userland/bin/ifconfig.ts';
import { main as routeProgram } from '../userland/bin/route.ts';
import { main as arpProgram } from '../userland/bin/arp.ts';
import { main as sysctlProgram } from '../userland/bin/sysctl.ts';
import { main as netstatProgram } from '../userland/bin/netstat.ts';
import { main as ssProgram } from '../userland/bin/ss.ts';
import { main as ncProgram } from '../userland/bin/nc.ts';
import { main as apache2Program } from '../userland/sbin/apache2/apache2.ts';
import { main as apache2ctlProgram } from '../userland/sbin/apache2/apache2ctl.ts';
import { main as apache2InitProgram } from '../userland/sbin/apache2/apache2-init.ts';
import { main as curlProgram } from '../userland/bin/curl.ts';
import { main as wgetProgram } from '../userland/bin/wget.ts';
import { main as serviceProgram } from '../userland/bin/service.ts';
import { main as systemctlProgram } from '../userland/bin/systemctl.ts';
import { main as ethtoolProgram } from '../userland/bin/ethtool.ts';
import { main as pingProgram } from '../userland/bin/ping.ts';
import { main as tracerouteProgram } from '../userland/bin/traceroute.ts';
import { main as tracepathProgram } from '../userland/bin/tracepath.ts';
import { main as mtrProgram } from '../userland/bin/mtr.ts';
import { main as arpingProgram } from '../userland/bin/arping.ts';
import { main as cpTool } from '../userland/bin/cp.ts';
import { main as mvTool } from '../userland/bin/mv.ts';
import { main as lnTool } from '../userland/bin/ln.ts';
import { main as rmdirTool } from '../userland/bin/rmdir.ts';
import { main as chmodTool } from '../userland/bin/chmod.ts';
import { main as chownTool } from '../userland/bin/chown.ts';
import { main as chgrpTool } from '../userland/bin/chgrp.ts';
import { main as statTool } from '../userland/bin/stat.ts';
import { main as dateTool } from '../userland/bin/date.ts';
import { main as realpathTool } from '../userland/bin/realpath.ts';
import { main as readlinkTool } from '../userland/bin/readlink.ts';
import { main as envTool } from '../userland/bin/env.ts';
import { main as nprocTool } from '../userland/bin/nproc.ts';
import { main as whichTool } from '../userland/bin/which.ts';
import { main as printfTool } from '../userland/bin/printf.ts';
import { main as exprTool } from '../userland/bin/expr.ts';
import { main as md5sumTool } from '../userland/bin/md5sum.ts';
import { main as sha1sumTool } from '../userland/bin/sha1sum.ts';
import { main as sha256sumTool } from '../userland/bin/sha256sum.ts';
import { main as sha512sumTool } from '../userland/bin/sha512sum.ts';
import { main as base64Tool } from '../userland/bin/base64.ts';
import { main as hostidTool } from '../userland/bin/hostid.ts';
import { main as tsortTool } from '../userland/bin/tsort.ts';
import { main as factorTool } from '../userland/bin/factor.ts';
import { main as basencTool } from '../userland/bin/basenc.ts';
import { main as base32Tool } from '../userland/bin/base32.ts';
import { main as b2sumTool } from '../userland/bin/b2sum.ts';
import { main as sha384sumTool } from '../userland/bin/sha384sum.ts';
import { main as sha224sumTool } from '../userland/bin/sha224sum.ts';
import { main as cmpTool } from '../userland/bin/cmp.ts';
import { main as nlTool } from '../userland/bin/nl.ts';
import { main as foldTool } from '../userland/bin/fold.ts';
import { main as pasteTool } from '../userland/bin/paste.ts';
import { main as commTool } from '../userland/bin/comm.ts';
import { main as diffTool } from '../userland/bin/diff.ts';
import { main as xargsTool } from '../userland/bin/xargs.ts';
import { main as findTool } from '../userland/bin/find.ts';
import { main as dfTool } from '../userland/bin/df.ts';
import { main as freeTool } from '../userland/bin/free.ts';
import { main as uptimeTool } from '../userland/bin/uptime.ts';
import { main as watchTool } from '../userland/bin/watch.ts';
import { main as lessTool } from '../userland/bin/less.ts';
import { main as moreTool } from '../userland/bin/more.ts';
import { main as topTool } from '../userland/bin/top.ts';
import { main as odTool } from '../userland/bin/od.ts';
import { main as hexdumpTool } from '../userland/bin/hexdump.ts';
import { main as xxdTool } from '../userland/bin/xxd.ts';
import { main as duTool } from '../userland/bin/du.ts';
import { main as joinTool } from '../userland/bin/join.ts';
import { main as splitTool } from '../userland/bin/split.ts';
import { main as timeoutTool } from '../userland/bin/timeout.ts';
import { main as acctUseradd } from '../userland/bin/useradd.ts';
import { main as acctUserdel } from '../userland/bin/userdel.ts';
import { main as acctUsermod } from '../userland/bin/usermod.ts';
import { main as acctGroupadd } from '../userland/bin/groupadd.ts';
import { main as acctGroupdel } from '../userland/bin/groupdel.ts';
import { main as acctPasswd } from '../userland/bin/passwd.ts';
import { main as acctChpasswd } from '../userland/bin/chpasswd.ts';
import { main as acctSu } from '../userland/bin/su.ts';
import { main as acctSudo } from '../userland/bin/sudo.ts';
import { main as acctGetent } from '../userland/bin/getent.ts';
import { main as acctGroups } from '../userland/bin/groups.ts';
import { main as acctAdduser } from '../userland/bin/adduser.ts';
import { main as acctGzip } from '../userland/bin/gzip.ts';
import { main as acctTar } from '../userland/bin/tar.ts';
import { main as procPgrep } from '../userland/bin/pgrep.ts';
import { main as procPkill } from '../userland/bin/pkill.ts';
import { main as procKillall } from '../userland/bin/killall.ts';
import { main as calcBc } from '../userland/bin/bc.ts';
import { main as mktempTool } from '../userland/bin/mktemp.ts';
import { main as testTool } from '../userland/bin/test.ts';
import { main as cksumTool } from '../userland/bin/cksum.ts';
import { main as whoTool } from '../userland/bin/who.ts';
import { main as usersTool } from '../userland/bin/users.ts';
import { main as sumTool } from '../userland/bin/sum.ts';
import { main as installTool } from '../userland/bin/install.ts';
import { main as expandTool } from '../userland/bin/expand.ts';
import { main as unexpandTool } from '../userland/bin/unexpand.ts';
import { main as truncateTool } from '../userland/bin/truncate.ts';
import { main as nohupTool } from '../userland/bin/nohup.ts';
import { main as niceTool } from '../userland/bin/nice.ts';
import { main as syncTool } from '../userland/bin/sync.ts';
import { main as archTool } from '../userland/bin/arch.ts';
import { main as unlinkTool } from '../userland/bin/unlink.ts';
import { main as linkTool } from '../userland/bin/link.ts';
import { main as lognameTool } from '../userland/bin/logname.ts';
import { main as digTool } from '../userland/bin/dig.ts';
import { main as hostTool } from '../userland/bin/host.ts';
import { main as nslookupTool } from '../userland/bin/nslookup.ts';
import { main as namedDaemon } from '../userland/sbin/named/named.ts';
import { main as namedInitScript } from '../userland/sbin/named/named-init.ts';
import { main as rndcTool } from '../userland/sbin/named/rndc.ts';
import { checkconfMain as namedCheckconf, checkzoneMain as namedCheckzone } from '../userland/sbin/named/check-tools.ts';

export interface ProgramSpec {
  /** Where the program's file goes. */
  path: string;
  program: Program;
}

/** name -> [path, program]. */
export const BASE_PROGRAMS: Record<string, ProgramSpec> = {
  bash: { path: '/usr/bin/bash', program: bash },
  cat: { path: '/usr/bin/cat', program: cat },
  clear: { path: '/usr/bin/clear', program: clear },
  echo: { path: '/usr/bin/echo', program: echo },
  false: { path: '/usr/bin/false', program: falseProgram },
  hostname: { path: '/usr/bin/hostname', program: hostname },
  id: { path: '/usr/bin/id', program: id },
  init: { path: '/usr/sbin/init', program: init },
  kill: { path: '/usr/bin/kill', program: kill },
  ls: { path: '/usr/bin/ls', program: ls },
  mkdir: { path: '/usr/bin/mkdir', program: mkdir },
  ps: { path: '/usr/bin/ps', program: ps },
  pwd: { path: '/usr/bin/pwd', program: pwd },
  rm: { path: '/usr/bin/rm', program: rm },
  sleep: { path: '/usr/bin/sleep', program: sleep },
  touch: { path: '/usr/bin/touch', program: touch },
  true: { path: '/usr/bin/true', program: trueProgram },
  uname: { path: '/usr/bin/uname', program: uname },
  grep: { path: '/usr/bin/grep', program: grepProgram },
  egrep: { path: '/usr/bin/egrep', program: egrepProgram },
  fgrep: { path: '/usr/bin/fgrep', program: fgrepProgram },
  head: { path: '/usr/bin/head', program: headProgram },
  dd: { path: '/usr/bin/dd', program: ddProgram },
  tty: { path: '/usr/bin/tty', program: ttyProgram },
  stty: { path: '/usr/bin/stty', program: sttyProgram },
  tail: { path: '/usr/bin/tail', program: tailProgram },
  wc: { path: '/usr/bin/wc', program: wcProgram },
  sort: { path: '/usr/bin/sort', program: sortProgram },
  uniq: { path: '/usr/bin/uniq', program: uniqProgram },
  cut: { path: '/usr/bin/cut', program: cutProgram },
  tr: { path: '/usr/bin/tr', program: trProgram },
  tee: { path: '/usr/bin/tee', program: teeProgram },
  seq: { path: '/usr/bin/seq', program: seqProgram },
  basename: { path: '/usr/bin/basename', program: basenameProgram },
  dirname: { path: '/usr/bin/dirname', program: dirnameProgram },
  tc: { path: '/usr/sbin/tc', program: tc },
  tcpdump: { path: '/usr/bin/tcpdump', program: tcpdump },
  'xtables-nft-multi': { path: '/usr/sbin/xtables-nft-multi', program: xtablesNft },
  'xtables-legacy-multi': { path: '/usr/sbin/xtables-legacy-multi', program: xtablesLegacy },
  tac: { path: '/usr/bin/tac', program: tacProgram },
  rev: { path: '/usr/bin/rev', program: rev },
  printenv: { path: '/usr/bin/printenv', program: printenvProgram },
  whoami: { path: '/usr/bin/whoami', program: whoamiProgram },
  yes: { path: '/usr/bin/yes', program: yesProgram },
  vi: { path: '/usr/bin/vi', program: viProgram },
  vim: { path: '/usr/bin/vim', program: viProgram },
  view: { path: '/usr/bin/view', program: viProgram },
  nano: { path: '/usr/bin/nano', program: nanoProgram },
  sed: { path: '/usr/bin/sed', program: sedProgram },
  awk: { path: '/usr/bin/awk', program: awkProgram },
  mawk: { path: '/usr/bin/mawk', program: awkProgram },
  ip: { path: '/usr/bin/ip', program: ipProgram },
  brctl: { path: '/usr/sbin/brctl', program: brctlProgram },
  bridge: { path: '/usr/sbin/bridge', program: bridgeProgram },
  ifconfig: { path: '/usr/sbin/ifconfig', program: ifconfigProgram },
  route: { path: '/usr/sbin/route', program: routeProgram },
  arp: { path: '/usr/sbin/arp', program: arpProgram },
  sysctl: { path: '/usr/sbin/sysctl', program: sysctlProgram },
  netstat: { path: '/usr/bin/netstat', program: netstatProgram },
  ss: { path: '/usr/bin/ss', program: ssProgram },
  nc: { path: '/usr/bin/nc', program: ncProgram },
  apache2: { path: '/usr/sbin/apache2', program: apache2Program },
  apache2ctl: { path: '/usr/sbin/apache2ctl', program: apache2ctlProgram },
  'apache2-init': { path: '/etc/init.d/apache2', program: apache2InitProgram },
  curl: { path: '/usr/bin/curl', program: curlProgram },
  wget: { path: '/usr/bin/wget', program: wgetProgram },
  service: { path: '/usr/sbin/service', program: serviceProgram },
  systemctl: { path: '/usr/bin/systemctl', program: systemctlProgram },
  ethtool: { path: '/usr/sbin/ethtool', program: ethtoolProgram },
  ping: { path: '/usr/bin/ping', program: pingProgram },
  traceroute: { path: '/usr/sbin/traceroute', program: tracerouteProgram },
  tracepath: { path: '/usr/bin/tracepath', program: tracepathProgram },
  mtr: { path: '/usr/bin/mtr', program: mtrProgram },
  arping: { path: '/usr/sbin/arping', program: arpingProgram },
  cp: { path: '/usr/bin/cp', program: cpTool },
  mv: { path: '/usr/bin/mv', program: mvTool },
  ln: { path: '/usr/bin/ln', program: lnTool },
  rmdir: { path: '/usr/bin/rmdir', program: rmdirTool },
  chmod: { path: '/usr/bin/chmod', program: chmodTool },
  chown: { path: '/usr/bin/chown', program: chownTool },
  chgrp: { path: '/usr/bin/chgrp', program: chgrpTool },
  stat: { path: '/usr/bin/stat', program: statTool },
  date: { path: '/usr/bin/date', program: dateTool },
  realpath: { path: '/usr/bin/realpath', program: realpathTool },
  readlink: { path: '/usr/bin/readlink', program: readlinkTool },
  env: { path: '/usr/bin/env', program: envTool },
  nproc: { path: '/usr/bin/nproc', program: nprocTool },
  which: { path: '/usr/bin/which', program: whichTool },
  printf: { path: '/usr/bin/printf', program: printfTool },
  expr: { path: '/usr/bin/expr', program: exprTool },
  md5sum: { path: '/usr/bin/md5sum', program: md5sumTool },
  sha1sum: { path: '/usr/bin/sha1sum', program: sha1sumTool },
  sha256sum: { path: '/usr/bin/sha256sum', program: sha256sumTool },
  sha512sum: { path: '/usr/bin/sha512sum', program: sha512sumTool },
  base64: { path: '/usr/bin/base64', program: base64Tool },
  hostid: { path: '/usr/bin/hostid', program: hostidTool },
  tsort: { path: '/usr/bin/tsort', program: tsortTool },
  factor: { path: '/usr/bin/factor', program: factorTool },
  basenc: { path: '/usr/bin/basenc', program: basencTool },
  base32: { path: '/usr/bin/base32', program: base32Tool },
  b2sum: { path: '/usr/bin/b2sum', program: b2sumTool },
  sha384sum: { path: '/usr/bin/sha384sum', program: sha384sumTool },
  sha224sum: { path: '/usr/bin/sha224sum', program: sha224sumTool },
  cmp: { path: '/usr/bin/cmp', program: cmpTool },
  nl: { path: '/usr/bin/nl', program: nlTool },
  fold: { path: '/usr/bin/fold', program: foldTool },
  paste: { path: '/usr/bin/paste', program: pasteTool },
  comm: { path: '/usr/bin/comm', program: commTool },
  diff: { path: '/usr/bin/diff', program: diffTool },
  xargs: { path: '/usr/bin/xargs', program: xargsTool },
  find: { path: '/usr/bin/find', program: findTool },
  df: { path: '/usr/bin/df', program: dfTool },
  free: { path: '/usr/bin/free', program: freeTool },
  uptime: { path: '/usr/bin/uptime', program: uptimeTool },
  watch: { path: '/usr/bin/watch', program: watchTool },
  less: { path: '/usr/bin/less', program: lessTool },
  more: { path: '/usr/bin/more', program: moreTool },
  top: { path: '/usr/bin/top', program: topTool },
  od: { path: '/usr/bin/od', program: odTool },
  hexdump: { path: '/usr/bin/hexdump', program: hexdumpTool },
  xxd: { path: '/usr/bin/xxd', program: xxdTool },
  du: { path: '/usr/bin/du', program: duTool },
  join: { path: '/usr/bin/join', program: joinTool },
  split: { path: '/usr/bin/split', program: splitTool },
  timeout: { path: '/usr/bin/timeout', program: timeoutTool },
  useradd: { path: '/usr/sbin/useradd', program: acctUseradd },
  userdel: { path: '/usr/sbin/userdel', program: acctUserdel },
  usermod: { path: '/usr/sbin/usermod', program: acctUsermod },
  groupadd: { path: '/usr/sbin/groupadd', program: acctGroupadd },
  groupdel: { path: '/usr/sbin/groupdel', program: acctGroupdel },
  passwd: { path: '/usr/bin/passwd', program: acctPasswd },
  chpasswd: { path: '/usr/sbin/chpasswd', program: acctChpasswd },
  su: { path: '/usr/bin/su', program: acctSu },
  sudo: { path: '/usr/bin/sudo', program: acctSudo },
  getent: { path: '/usr/bin/getent', program: acctGetent },
  groups: { path: '/usr/bin/groups', program: acctGroups },
  adduser: { path: '/usr/sbin/adduser', program: acctAdduser },
  addgroup: { path: '/usr/sbin/addgroup', program: acctAdduser },
  gzip: { path: '/usr/bin/gzip', program: acctGzip },
  gunzip: { path: '/usr/bin/gunzip', program: acctGzip },
  zcat: { path: '/usr/bin/zcat', program: acctGzip },
  tar: { path: '/usr/bin/tar', program: acctTar },
  pgrep: { path: '/usr/bin/pgrep', program: procPgrep },
  pkill: { path: '/usr/bin/pkill', program: procPkill },
  killall: { path: '/usr/bin/killall', program: procKillall },
  bc: { path: '/usr/bin/bc', program: calcBc },
  mktemp: { path: '/usr/bin/mktemp', program: mktempTool },
  test: { path: '/usr/bin/test', program: testTool },
  cksum: { path: '/usr/bin/cksum', program: cksumTool },
  who: { path: '/usr/bin/who', program: whoTool },
  users: { path: '/usr/bin/users', program: usersTool },
  sum: { path: '/usr/bin/sum', program: sumTool },
  install: { path: '/usr/bin/install', program: installTool },
  expand: { path: '/usr/bin/expand', program: expandTool },
  unexpand: { path: '/usr/bin/unexpand', program: unexpandTool },
  truncate: { path: '/usr/bin/truncate', program: truncateTool },
  nohup: { path: '/usr/bin/nohup', program: nohupTool },
  nice: { path: '/usr/bin/nice', program: niceTool },
  sync: { path: '/usr/bin/sync', program: syncTool },
  arch: { path: '/usr/bin/arch', program: archTool },
  unlink: { path: '/usr/bin/unlink', program: unlinkTool },
  link: { path: '/usr/bin/link', program: linkTool },
  logname: { path: '/usr/bin/logname', program: lognameTool },
  dig: { path: '/usr/bin/dig', program: digTool },
  host: { path: '/usr/bin/host', program: hostTool },
  nslookup: { path: '/usr/bin/nslookup', program: nslookupTool },
  named: { path: '/usr/sbin/named', program: namedDaemon },
  'named-init': { path: '/etc/init.d/named', program: namedInitScript },
  'bind9-init': { path: '/etc/init.d/bind9', program: namedInitScript },
  rndc: { path: '/usr/sbin/rndc', program: rndcTool },
  'named-checkconf': { path: '/usr/bin/named-checkconf', program: namedCheckconf },
  'named-checkzone': { path: '/usr/bin/named-checkzone', program: namedCheckzone },
  '[': { path: '/usr/bin/[', program: testTool },
};

/**
 * Symbolic links of the base image (path -> target), as Debian 12 lays out iptables: the multi-call
 * binaries under each name, and the names iptables, iptables-save and iptables-restore chosen through
 * /etc/alternatives (the nf_tables variant, Debian's default).
 */
export const BASE_LINKS: Record<string, string> = {
  '/usr/sbin/apachectl': 'apache2ctl',
  ...Object.fromEntries(['', '-save', '-restore'].flatMap((s) => [
    [`/usr/sbin/iptables-nft${s}`, 'xtables-nft-multi'],
    [`/usr/sbin/iptables-legacy${s}`, 'xtables-legacy-multi'],
    [`/usr/sbin/iptables${s}`, `/etc/alternatives/iptables${s}`],
    [`/etc/alternatives/iptables${s}`, `/usr/sbin/iptables-nft${s}`],
  ])),
};
