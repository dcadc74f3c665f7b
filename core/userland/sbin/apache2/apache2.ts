// /usr/sbin/apache2 (httpd 2.4.71 as Debian 12 builds it, event MPM): reads the configuration (-d
// ServerRoot, default /etc/apache2; -f apache2.conf; -D defines), warns as AH00557/AH00558 when it has
// to guess its name, and then: -t says "Syntax OK"; -k start binds the Listen ports, opens the logs,
// goes into the background (a root parent writing the pid file, two www-data children serving), and
// -k stop|restart|graceful|graceful-stop signal the running one (TERM, HUP, USR1, WINCH) as
// ap_signal_server does. The parent logs AH00489/AH00094 when it is up, AH00491 when it stops, and on a
// restart reads the configuration again and starts new children.
import {
  AF_INET, CLOCK_REALTIME, EINTR, IPPROTO_TCP, O_CLOEXEC, O_CREAT, O_RDWR, O_TRUNC, O_WRONLY, SIGHUP, SIGTERM, SIGUSR1, SIGWINCH, SOCK_NONBLOCK,
  SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, WNOHANG, utf8Encode, type Program, type Sys,
} from '../../../kernel/abi.ts';
import { strerror } from '../../lib/errno.ts';
import { errorLogDate } from '../../lib/http/date.ts';
import { readFileText, writeAll } from '../../lib/io.ts';
import { daemonize, ready } from '../../lib/daemonize.ts';
import { inetAton, resolveHost, reverseName } from '../../lib/net/resolve.ts';
import { ConfigError, loadConfig, type ServerConfig } from './config.ts';
import { ReadError, STATIC_MODULES } from './config-read.ts';
import { Runtime, BUILT, VERSION } from './runtime.ts';
import { serveLoop } from './server.ts';
import { envMap } from '../../lib/env.ts';

const USAGE = `Usage: /usr/sbin/apache2 [-D name] [-d directory] [-f file]
                         [-C "directive"] [-c "directive"]
                         [-k start|restart|graceful|graceful-stop|stop]
                         [-v] [-V] [-h] [-l] [-L] [-t] [-T] [-S] [-X]
Options:
  -D name            : define a name for use in <IfDefine name> directives
  -d directory       : specify an alternate initial ServerRoot
  -f file            : specify an alternate ServerConfigFile
  -C "directive"     : process directive before reading config files
  -c "directive"     : process directive after reading config files
  -e level           : show startup errors of level (see LogLevel)
  -E file            : log startup errors to file
  -v                 : show version number
  -V                 : show compile settings
  -h                 : list available command line options (this page)
  -l                 : list compiled in modules
  -L                 : list available configuration directives
  -t -D DUMP_VHOSTS  : show parsed vhost settings
  -t -D DUMP_RUN_CFG : show parsed run settings
  -S                 : a synonym for -t -D DUMP_VHOSTS -D DUMP_RUN_CFG
  -t -D DUMP_MODULES : show all loaded modules 
  -M                 : a synonym for -t -D DUMP_MODULES
  -t -D DUMP_INCLUDES: show all included configuration files
  -t                 : run syntax check for config files
  -T                 : start without DocumentRoot(s) check
  -X                 : debug mode (only one worker, do not detach)
`;

/** Worker processes the event MPM starts (StartServers 2 in Debian's mpm_event.conf). */
const WORKERS = 2;

interface Args {
  action: string | null;
  serverRoot: string;
  configFile: string;
  defines: string[];
  test: boolean;
  version: boolean;
  /** -l */
  listCompiled: boolean;
  foreground: boolean;
  /** argv without -k ACTION (what AH00094 shows). */
  shown: string[];
}

function parseArgs(argv: readonly string[]): Args | null {
  const a: Args = { action: null, serverRoot: '/etc/apache2', configFile: 'apache2.conf', defines: [], test: false, version: false, listCompiled: false, foreground: false, shown: [argv[0] ?? '/usr/sbin/apache2'] };
  for (let i = 1; i < argv.length; i++) {
    const o = argv[i]!;
    const val = (): string | null => (o.length > 2 ? o.slice(2) : argv[++i] ?? null);
    const flag = o.slice(0, 2);
    if (flag === '-k') {
      const v = val();
      if (v === null || !['start', 'stop', 'restart', 'graceful', 'graceful-stop'].includes(v)) return null;
      a.action = v;
      continue;
    }
    a.shown.push(o);
    switch (flag) {
      case '-d': { const v = val(); if (v === null) return null; a.serverRoot = v; a.shown.push(v); break; }
      case '-f': { const v = val(); if (v === null) return null; a.configFile = v; a.shown.push(v); break; }
      case '-D': { const v = val(); if (v === null) return null; a.defines.push(v); a.shown.push(v); break; }
      case '-t': a.test = true; break;
      case '-M': a.test = true; a.defines.push('DUMP_MODULES'); break;
      case '-S': a.test = true; a.defines.push('DUMP_VHOSTS', 'DUMP_RUN_CFG'); break;
      case '-l': a.listCompiled = true; break;
      case '-v': a.version = true; break;
      case '-X': a.foreground = true; break;
      default: return null;
    }
  }
  return a;
}

const dotted = (a: number): string => `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;

/**
 * The name apache2 gives itself without a ServerName (ap_get_local_host): the host name's address
 * looked up, then its name; one without a dot is replaced by the address. The warnings it prints.
 */
export async function localServerName(sys: Sys): Promise<{ name: string; warnings: string[] }> {
  const host = sys.uname().nodename;
  const r = await resolveHost(sys, host);
  const warnings: string[] = [];
  let name: string;
  if (!r) {
    warnings.push(`AH00557: apache2: apr_sockaddr_info_get() failed for ${host}`);
    name = '127.0.0.1';
  } else {
    const back = r.numeric ? null : await reverseName(sys, r.addr);
    const fqdn = back ?? dotted(r.addr);
    if (fqdn.includes('.') && inetAton(fqdn) === null) return { name: fqdn, warnings };
    name = dotted(r.addr);
  }
  warnings.push(`AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using ${name}. Set the 'ServerName' directive globally to suppress this message`);
  return { name, warnings };
}

/** Loads the configuration, printing what apache2 prints on failure; null then. */
async function configure(sys: Sys, a: Args, envp: readonly string[], out: (t: string) => Promise<unknown>): Promise<{ config: ServerConfig; name: string; warnings: string[] } | null> {
  let config: ServerConfig;
  const warnings: string[] = [];
  const warn = async (): Promise<void> => {
    for (const w of warnings) await out(`${errorLogDate(sys.clockGettime(CLOCK_REALTIME))} [core:warn] [pid ${sys.getpid()}] ${w}\n`);
  };
  try {
    config = await loadConfig(sys, { serverRoot: a.serverRoot, configFile: a.configFile, env: envMap(envp), defines: a.defines, warnings });
  } catch (e) {
    await warn();
    if (e instanceof ReadError) {
      await out(`apache2: ${e.message}\n`);
      return null;
    }
    if (e instanceof ConfigError) {
      await out(`AH00526: Syntax error on line ${e.line} of ${e.file}:\n${e.text}\n`);
      return null;
    }
    throw e;
  }
  await warn();
  if (config.serverName) return { config, name: config.serverName.replace(/^[a-z]+:\/\//i, '').replace(/:\d+$/, ''), warnings: [] };
  const local = await localServerName(sys);
  return { config, name: local.name, warnings: local.warnings };
}

async function readPid(sys: Sys, file: string): Promise<number | null> {
  const text = await readFileText(sys, file);
  if (typeof text !== 'string') return null;
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** The uid or gid of a name in /etc/passwd or /etc/group (`#N` is a number). */
async function idOf(sys: Sys, file: string, name: string): Promise<number | null> {
  if (name.startsWith('#')) return Number(name.slice(1));
  const text = await readFileText(sys, file);
  if (typeof text !== 'string') return null;
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f[0] === name) return Number(f[2]);
  }
  return null;
}

/** Binds the Listen addresses: the descriptors, or the messages of the failure. */
function bindAll(sys: Sys, c: ServerConfig): number[] | string {
  const fds: number[] = [];
  for (const l of c.listen) {
    const addr = l.addr === null || l.addr === '*' ? 0 : inetAton(l.addr.replace(/^\[|\]$/g, ''));
    const label = `${l.addr === null || l.addr === '*' ? '0.0.0.0' : l.addr}:${l.port}`;
    const s = sys.socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | O_CLOEXEC, IPPROTO_TCP);
    if (s < 0 || addr === null) return `(${-s}): AH00072: make_sock: could not bind to address ${label}\n`;
    sys.setsockopt(s, SOL_SOCKET, SO_REUSEADDR, 1);
    const b = sys.bind(s, { family: AF_INET, addr, port: l.port });
    if (b < 0) {
      for (const f of fds) sys.close(f);
      sys.close(s);
      return `(${-b})${strerror(-b)}: AH00072: make_sock: could not bind to address ${label}\nno listening sockets available, shutting down\nAH00015: Unable to open logs\n`;
    }
    sys.listen(s, 511);
    fds.push(s);
  }
  if (fds.length === 0) return 'no listening sockets available, shutting down\nAH00015: Unable to open logs\n';
  return fds;
}

/** Starts the worker processes; their pids. */
async function startWorkers(sys: Sys, rt: Runtime, listeners: readonly number[]): Promise<number[]> {
  const uid = await idOf(sys, '/etc/passwd', rt.config.user);
  const gid = await idOf(sys, '/etc/group', rt.config.group);
  const pids: number[] = [];
  for (let i = 0; i < WORKERS; i++) {
    const pid = sys.fork(async (w) => {
      for (const s of [SIGTERM, SIGHUP, SIGUSR1, SIGWINCH]) w.sigaction(s, { handler: 'default' });
      if (gid !== null && gid >= 0) w.setgid(gid);
      if (uid !== null && uid >= 0) w.setuid(uid);
      const wrt = new Runtime(w, rt.config, rt.serverName);
      for (const [p, fd] of rt.logFds) wrt.logFds.set(p, fd);
      await serveLoop(w, wrt, listeners);
      return 0;
    });
    if (pid > 0) pids.push(pid);
  }
  return pids;
}

/** The background parent: pid file, children, signals. */
async function master(sys: Sys, a: Args, envp: readonly string[], rt: Runtime, listenersIn: number[], ready?: () => Promise<void>): Promise<number> {
  let listeners = listenersIn;
  let signal = 0;
  const on = (s: number) => (): void => {
    signal = s;
  };
  for (const s of [SIGTERM, SIGHUP, SIGUSR1, SIGWINCH]) sys.sigaction(s, { handler: on(s) });
  const pfd = sys.open(rt.config.pidFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644);
  if (pfd >= 0) {
    await writeAll(sys, pfd, `${sys.getpid()}\n`);
    sys.close(pfd);
  }
  const announce = async (): Promise<void> => {
    await rt.errorLog('mpm_event', 'notice', `AH00489: ${rt.banner()} configured -- resuming normal operations`);
    await rt.errorLog('core', 'notice', `AH00094: Command line: '${a.shown.join(' ')}'`);
  };
  await announce();
  let workers = await startWorkers(sys, rt, listeners);
  await ready?.();
  const stopWorkers = async (): Promise<void> => {
    for (const p of workers) sys.kill(p, SIGTERM);
    for (const p of workers) {
      for (;;) {
        const r = await sys.wait4(p, 0);
        if (r !== -EINTR) break;
      }
    }
    workers = [];
  };
  for (;;) {
    if (signal === 0) await sys.pause();
    // Reap children that ended on their own.
    for (;;) {
      const r = await sys.wait4(-1, WNOHANG);
      if (typeof r === 'number' || r.pid <= 0) break;
      workers = workers.filter((p) => p !== r.pid);
    }
    const s = signal;
    signal = 0;
    if (s === SIGTERM || s === SIGWINCH) {
      await rt.errorLog('mpm_event', 'notice', s === SIGTERM ? 'AH00491: caught SIGTERM, shutting down' : 'AH00492: caught SIGWINCH, shutting down gracefully');
      await stopWorkers();
      for (const l of listeners) sys.close(l);
      sys.unlink(rt.config.pidFile);
      rt.closeLogs();
      return 0;
    }
    if (s === SIGHUP || s === SIGUSR1) {
      await rt.errorLog('mpm_event', 'notice', s === SIGHUP ? 'AH00492: SIGHUP received.  Attempting to restart' : 'AH00493: SIGUSR1 received.  Doing graceful restart');
      await stopWorkers();
      const errs: string[] = [];
      const next = await configure(sys, a, envp, async (t) => errs.push(t));
      if (!next) {
        await writeAll(sys, 2, errs.join(''));
        for (const l of listeners) sys.close(l);
        sys.unlink(rt.config.pidFile);
        return 1;
      }
      if (next.warnings.length) await writeAll(sys, 2, next.warnings.join('\n') + '\n');
      const same = JSON.stringify(next.config.listen) === JSON.stringify(rt.config.listen);
      rt.closeLogs();
      rt.config = next.config;
      rt.serverName = next.name;
      openLogs(rt);
      if (!same) {
        for (const l of listeners) sys.close(l);
        const b = bindAll(sys, rt.config);
        if (typeof b === 'string') {
          await writeAll(sys, 2, b);
          sys.unlink(rt.config.pidFile);
          return 1;
        }
        listeners = b;
      }
      await announce();
      workers = await startWorkers(sys, rt, listeners);
    }
  }
}

/** Opens the error log and every CustomLog; the first failure's message, or null. */
function openLogs(rt: Runtime): string | null {
  const c = rt.config;
  const paths = [c.errorLog, ...c.vhosts.map((v) => v.errorLog).filter((p): p is string => p !== null)];
  for (const p of paths) {
    const fd = rt.openLog(p);
    if (fd < 0) return `(${-fd})${strerror(-fd)}: AH00091: apache2: could not open error log file ${p}.\nAH00015: Unable to open logs\n`;
  }
  for (const l of [...c.customLogs, ...c.vhosts.flatMap((v) => v.customLogs ?? [])]) {
    const fd = rt.openLog(l.path);
    if (fd < 0) return `(${-fd})${strerror(-fd)}: AH00649: could not open transfer log file ${l.path}.\nAH00015: Unable to open logs\n`;
  }
  return null;
}

async function start(sys: Sys, a: Args, envp: readonly string[], conf: { config: ServerConfig; name: string }): Promise<number> {
  const err = (t: string) => writeAll(sys, 2, t);
  const old = await readPid(sys, conf.config.pidFile);
  if (old !== null && sys.kill(old, 0) === 0 && !a.foreground) {
    await writeAll(sys, 1, `httpd (pid ${old}) already running\n`);
    return 0;
  }
  const listeners = bindAll(sys, conf.config);
  if (typeof listeners === 'string') {
    await err(listeners);
    return 1;
  }
  const rt = new Runtime(sys, conf.config, conf.name);
  const logErr = openLogs(rt);
  if (logErr) {
    await err(logErr);
    return 1;
  }
  if (a.foreground) return master(sys, a, envp, rt, listeners);
  // Into the background: a new session, stdin/stdout on /dev/null, stderr on the error log. The starter
  // returns once the pid file and the children are in place.
  return daemonize(sys, (child, readyFd) => {
    const elog = rt.logFds.get(conf.config.errorLog);
    if (elog !== undefined) child.dup2(elog, 2);
    const crt = new Runtime(child, conf.config, conf.name);
    for (const [path, fd] of rt.logFds) crt.logFds.set(path, fd);
    return master(child, a, envp, crt, listeners, () => ready(child, readyFd));
  });
}

async function signalServer(sys: Sys, a: Args, envp: readonly string[], conf: { config: ServerConfig; name: string }): Promise<number> {
  const out = (t: string) => writeAll(sys, 1, t);
  const pid = await readPid(sys, conf.config.pidFile);
  const running = pid !== null && sys.kill(pid, 0) === 0;
  switch (a.action) {
    case 'stop':
    case 'graceful-stop':
      if (pid === null) {
        await out('httpd (no pid file) not running\n');
        return 0;
      }
      if (!running) {
        await out(`httpd (pid ${pid}?) not running\n`);
        return 0;
      }
      sys.kill(pid, a.action === 'stop' ? SIGTERM : SIGWINCH);
      return 0;
    case 'restart':
    case 'graceful':
      if (!running) {
        await out('httpd not running, trying to start\n');
        return start(sys, a, envp, conf);
      }
      sys.kill(pid!, a.action === 'restart' ? SIGHUP : SIGUSR1);
      return 0;
    default:
      return start(sys, a, envp, conf);
  }
}

/** The source files of the compiled-in modules (`apache2 -l`). */
const STATIC_SOURCES = ['core.c', 'mod_so.c', 'mod_watchdog.c', 'http_core.c', 'mod_log_config.c', 'mod_logio.c', 'mod_version.c', 'mod_unixd.c'];

/** `-t -D DUMP_...` (-S, -M): the virtual hosts, the run settings, the loaded modules. */
async function dump(sys: Sys, c: ServerConfig, name: string, dumps: readonly string[]): Promise<string> {
  let out = '';
  if (dumps.includes('DUMP_VHOSTS')) {
    out += 'VirtualHost configuration:\n';
    const byAddr = new Map<string, typeof c.vhosts>();
    for (const v of c.vhosts) {
      for (const a of v.addrs) {
        const key = `${a.host}:${a.port}`;
        byAddr.set(key, [...(byAddr.get(key) ?? []), v]);
      }
    }
    for (const [addr, list] of byAddr) {
      const where = (v: (typeof list)[number]): string => `${v.serverName ?? name} (${v.file}:${v.line})`;
      if (list.length === 1) out += `${addr.padEnd(22)} ${where(list[0]!)}\n`;
      else {
        out += `${addr.padEnd(22)} is a NameVirtualHost\n         default server ${where(list[0]!)}\n`;
        for (const v of list) {
          out += `         port ${addr.slice(addr.lastIndexOf(':') + 1)} namevhost ${where(v)}\n`;
          for (const al of v.serverAliases) out += `                 alias ${al}\n`;
        }
      }
    }
  }
  if (dumps.includes('DUMP_RUN_CFG')) {
    const uid = await idOf(sys, '/etc/passwd', c.user);
    const gid = await idOf(sys, '/etc/group', c.group);
    out += `ServerRoot: "${c.serverRoot}"\nMain DocumentRoot: "${c.documentRoot}"\nMain ErrorLog: "${c.errorLog}"\n` +
      `Mutex default: dir="${c.defaultRuntimeDir.replace(/\/?$/, '/')}" mechanism=default \nMutex watchdog-callback: using_defaults\n` +
      `PidFile: "${c.pidFile}"\n${['DUMP_VHOSTS', 'DUMP_RUN_CFG'].filter((d) => dumps.includes(d)).map((d) => `Define: ${d}\n`).join('')}` +
      `User: name="${c.user}" id=${uid ?? -1}\nGroup: name="${c.group}" id=${gid ?? -1}\n`;
  }
  if (dumps.includes('DUMP_MODULES')) {
    out += 'Loaded Modules:\n' + STATIC_MODULES.map((m) => ` ${m}_module (static)\n`).join('') +
      c.loadOrder.map((m) => ` ${m} (shared)\n`).join('');
  }
  return out;
}

export const main: Program = async (sys, argv, envp) => {
  const err = (t: string) => writeAll(sys, 2, utf8Encode(t));
  const a = parseArgs(argv);
  if (!a) {
    await err(USAGE);
    return 1;
  }
  if (a.version) {
    await writeAll(sys, 1, `Server version: Apache/${VERSION} (Debian)\nServer built:   ${BUILT}\n`);
    return 0;
  }
  if (a.listCompiled) {
    await writeAll(sys, 1, `Compiled in modules:\n${STATIC_SOURCES.map((m) => `  ${m}\n`).join('')}`);
    return 0;
  }
  const conf = await configure(sys, a, envp, err);
  if (!conf) return 1;
  for (const w of conf.warnings) await err(`${w}\n`);
  if (a.test) {
    const dumps = a.defines.filter((d) => d.startsWith('DUMP_'));
    if (dumps.length === 0) {
      await err('Syntax OK\n');
      return 0;
    }
    await writeAll(sys, 1, await dump(sys, conf.config, conf.name, dumps));
    return 0;
  }
  if (a.action === null && !a.foreground) a.action = 'start';
  return signalServer(sys, a, envp, conf);
};
