// What every FRR daemon shares: its command line (-d, -f, -A, -P, -i, -u, -g, -F, -s ...), going into the
// background, its pid file and vty socket under /var/run/frr, reading its configuration (its own
// DAEMON.conf, else the integrated frr.conf) and answering vtysh: each request names the node it is
// meant for and one command line; the daemon answers with what the command printed, or with why it
// has no such command (vtysh asks every daemon and decides what to show).
import { O_CREAT, O_TRUNC, O_WRONLY, SIGINT, SIGTERM, type Sys } from '../../../kernel/abi.ts';
import { utf8Encode } from '../../../fs/utf8.ts';
import { readFileText, writeAll } from '../io.ts';
import { describeCommand, matchCommand, type Candidate, type CommandSpec, type Matched } from './cli.ts';
import { Channel, listenLocal } from './channel.ts';
import { CommonConfig } from './common-config.ts';
import { configBlocks } from './config-file.ts';
import { daemonize, ready } from '../daemonize.ts';
import { Reactor } from './reactor.ts';
import { FRR_CONFIG_ARGS, FRR_GID, FRR_UID, FRR_VERSION, FRRVTY_GID, RUN_DIR, etcDir } from './paths.ts';
import { getopt, type LongOpt } from '../getopt.ts';

/** A daemon's answer to one command. */
export interface VtyReply {
  status: 'ok' | 'unknown' | 'incomplete' | 'ambiguous' | 'warning';
  out: string;
  /** The node the command entered (`router rip`, `interface eth0`). */
  enter?: string;
}

/** One part of `show running-config`: where it goes and its lines (a node's lines include its header). */
export interface ConfigSection {
  kind: 'global' | 'log' | 'debug' | 'password' | 'static' | 'interface' | 'router' | 'prefix-list' | 'route-map';
  /** For interface, router and route-map sections: the header line (`interface eth0`), which merges sections. */
  node?: string;
  lines: string[];
}

export type Action = (m: Matched<Action>, node: string) => VtyReply | Promise<VtyReply>;

/** A daemon's commands in each kind of node: 'view', 'config', 'interface', or a node line (`router rip`). */
export type CommandTable = Partial<Record<string, CommandSpec<Action>[]>>;

export interface DaemonDef {
  name: string;
  /** The vty TCP port (2601 zebra, 2602 ripd, 2616 staticd ...). */
  port: number;
  commands: CommandTable;
  config(): ConfigSection[] | Promise<ConfigSection[]>;
  /** Runs after the configuration is read: connect to zebra, open sockets. */
  start(reactor: Reactor): Promise<void> | void;
  /** Runs when SIGINT or SIGTERM ends the daemon (zebra withdraws its routes from the kernel). */
  shutdown?(): Promise<void> | void;
  /** Set while the configuration file is read (some commands act only when typed). */
  loading?: boolean;
  /**
   * Called before a configuration from Quagga's folders (/etc/quagga, /etc/zebra: the kathara/quagga
   * image) is read, for the daemons whose defaults differ from Quagga's where labs notice it.
   */
  quaggaDefaults?(): void;
  /** The configuration of FRR's library (logging, debugging, passwords) and its commands. */
  common?: { config: CommonConfig; table: CommandTable };
}

export const ok = (out = ''): VtyReply => ({ status: 'ok', out });

/** The kind of a node, as command tables are keyed. */
export function nodeKind(node: string): string {
  if (node.startsWith('interface ')) return 'interface';
  if (node.startsWith('route-map ')) return 'route-map';
  return node;
}

/** The library's commands of a daemon (CommonConfig), made on first use. */
function commonOf(def: DaemonDef): { config: CommonConfig; table: CommandTable } {
  if (!def.common) {
    const config = new CommonConfig();
    def.common = { config, table: config.commands() };
  }
  return def.common;
}

function nodeCommands(def: DaemonDef, node: string): CommandSpec<Action>[] {
  const kind = nodeKind(node);
  return [...(def.commands[kind] ?? []), ...(commonOf(def).table[kind] ?? [])];
}

/** What may come next on a line being typed in `node`, among this daemon's commands (vtysh's `?`, TAB). */
export function completeCommand(def: DaemonDef, node: string, line: string): Candidate[] {
  return describeCommand(nodeCommands(def, node), line);
}

/** Runs one command line in `node`; the reply says why when this daemon has no such command. */
export async function runCommand(def: DaemonDef, node: string, line: string): Promise<VtyReply> {
  const specs = nodeCommands(def, node);
  const r = matchCommand(specs, line);
  if (!r.ok) return { status: r.error, out: '' };
  return r.match.spec.action(r.match, node);
}

/** Applies a configuration text: each block's entering line in the config node, then its lines. */
export async function applyConfig(def: DaemonDef, text: string): Promise<void> {
  def.loading = true;
  for (const block of configBlocks(text)) {
    let node = 'config';
    if (block.node !== 'config') {
      const r = await runCommand(def, 'config', block.node);
      if (r.status !== 'ok' || !r.enter) continue;
      node = r.enter;
    }
    for (const { text: line } of block.lines) await runCommand(def, node, line);
  }
  def.loading = false;
}

interface Options {
  daemon: boolean;
  configFile?: string;
  pidFile?: string;
}

/** The options every FRR daemon takes (lib/libfrr.c), as --help lists them; each daemon adds its own after. */
const COMMON_HELP = `  -h, --help         Display this help and exit
  -v, --version      Print program version
  -d, --daemon       Runs in daemon mode
  -M, --module       Load specified module
  -F, --profile      Use specified configuration profile
  -N, --pathspace    Insert prefix into config & socket paths
  -o, --vrfdefaultname     Set default VRF name.
      --vty_socket   Override vty socket path
      --moduledir    Override modules directory
      --scriptdir    Override scripts directory
      --log          Set Logging to stdout, syslog, or file:<name>
      --log-level    Set Logging Level to use, debug, info, warn, etc
      --limit-fds    Limit number of fds supported
  -f, --config_file  Set configuration file name
  -C, --dryrun       Check configuration for validity and exit
      --tcli         Use transaction-based CLI
  -t, --terminal     Open terminal session on stdio
  -d -t              Daemonize after terminal session ends
  -i, --pid_file     Set process identifier file name
  -u, --user         User to run as
  -g, --group        Group to run as
`;

/** The vty options, which --help lists after the zclient ones (`-z`, for the daemons that have it). */
const VTY_HELP = `  -A, --vty_addr     Set vty's bind address
  -P, --vty_port     Set vty's port number
`;

function usage(def: DaemonHelp): string {
  return `Usage: ${def.name} [OPTION...]\n\n${def.description}\n\n${COMMON_HELP}${def.zclientOptions ?? ''}${VTY_HELP}${def.options}\nReport bugs to https://github.com/frrouting/frr/issues\n`;
}

/** What --help says of a daemon: its description and the options it adds to the common ones. */
export interface DaemonHelp {
  name: string;
  description: string;
  /** Option lines, as --help prints them after the common ones. */
  options: string;
  /** The zclient option lines (ospfd's `-z, --socket`), which --help prints before -A and -P. */
  zclientOptions?: string;
  /** Its own options for getopt (short letters with ':' for a value; long names). */
  shorts: string;
  longs: LongOpt[];
}

const COMMON_SHORTS = 'hvdM:F:N:o:f:Ct:i:u:g:A:P:';
const COMMON_LONGS: LongOpt[] = [
  ...['help', 'version', 'daemon', 'dryrun', 'terminal', 'tcli'].map((name) => ({ name })),
  ...['module', 'profile', 'pathspace', 'vrfdefaultname', 'vty_socket', 'moduledir', 'scriptdir', 'log', 'log-level',
    'limit-fds', 'config_file', 'pid_file', 'user', 'group', 'vty_addr', 'vty_port'].map((name) => ({ name, arg: 'required' as const })),
];
const LONG_KEYS: Record<string, string> = { help: 'h', version: 'v', daemon: 'd', config_file: 'f', pid_file: 'i' };

/** The command line as libfrr reads it; a string is getopt's message for bad options. */
function parseArgs(help: DaemonHelp, argv: readonly string[]): Options | { error: string } | 'help' | 'version' {
  const g = getopt(argv, COMMON_SHORTS + help.shorts, [...COMMON_LONGS, ...help.longs]);
  if (g.error) return { error: g.error };
  const o: Options = { daemon: false };
  for (const { key, value } of g.opts) {
    const k = LONG_KEYS[key] ?? key;
    if (k === 'h') return 'help';
    if (k === 'v') return 'version';
    if (k === 'd') o.daemon = true;
    if (k === 'f') o.configFile = value;
    if (k === 'i') o.pidFile = value;
  }
  return o;
}

/**
 * The main of a daemon program: parse, go into the background, read the config, serve forever. `make`
 * builds the daemon for the process that serves (the background child with -d).
 */
export async function daemonMain(help: DaemonHelp, make: (sys: Sys) => DaemonDef, sys: Sys, argv: readonly string[]): Promise<number> {
  const o = parseArgs(help, argv);
  if (o === 'help') {
    await writeAll(sys, 1, usage(help));
    return 0;
  }
  if (o === 'version') {
    await writeAll(sys, 1, `${help.name} version ${FRR_VERSION}\nCopyright 1996-2005 Kunihiro Ishiguro, et al.\nconfigured with:\n\t${FRR_CONFIG_ARGS}\n`);
    return 0;
  }
  if ('error' in o) {
    await writeAll(sys, 2, `${argv[0] ?? help.name}: ${o.error}\n`);
    await writeAll(sys, 1, `Invalid options.\n\n${usage(help)}`);
    return 1;
  }
  // As libfrr: the parent returns once the child has read its configuration and opened its vty socket.
  if (o.daemon) return daemonize(sys, (child, w) => serve(make(child), child, o, w));
  return serve(make(sys), sys, o, -1);
}

async function serve(def: DaemonDef, sys: Sys, o: Options, readyFd: number): Promise<number> {
  sys.mkdir(RUN_DIR, 0o755);
  const pidFile = o.pidFile ?? `${RUN_DIR}/${def.name}.pid`;
  const pfd = sys.open(pidFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644);
  if (pfd >= 0) {
    await writeAll(sys, pfd, utf8Encode(`${sys.getpid()}\n`));
    sys.close(pfd);
    sys.chown(pidFile, FRR_UID, FRR_GID);
  }
  if (o.configFile !== undefined && /^\/etc\/(quagga|zebra)\//.test(o.configFile)) def.quaggaDefaults?.();
  const own = await readFileText(sys, o.configFile ?? `${etcDir()}/${def.name}.conf`);
  const text = typeof own === 'string' ? own : await readFileText(sys, `${etcDir()}/frr.conf`);
  if (typeof text === 'string') await applyConfig(def, text);
  const reactor = new Reactor(sys);
  const vty = listenLocal(sys, `${RUN_DIR}/${def.name}.vty`, 0o770, FRR_UID, FRRVTY_GID);
  if (vty >= 0) reactor.watch(vty, () => acceptVty(def, reactor, vty));
  await def.start(reactor);
  await ready(sys, readyFd);
  for (const signo of [SIGINT, SIGTERM]) sys.sigaction(signo, { handler: () => reactor.stop(), restart: false });
  await reactor.run();
  await def.shutdown?.();
  return 0;
}

/**
 * A vtysh request: a command in a node (answered with a VtyReply), the daemon's part of the running
 * configuration (`{sections}`), or what may come next on a line being typed in a node (`{candidates}`).
 */
export type VtyRequest = { node: string; cmd: string } | { config: true } | { node: string; complete: string };

async function acceptVty(def: DaemonDef, reactor: Reactor, listener: number): Promise<void> {
  const sys = reactor.sys;
  const a = await sys.accept(listener, 0);
  if (typeof a === 'number') return;
  const ch = new Channel(sys, a.fd);
  reactor.watch(a.fd, async () => {
    for (const m of await ch.receive()) {
      const req = m as VtyRequest;
      if ('config' in req) await ch.send({ sections: [...commonOf(def).config.sections(), ...(await def.config())] });
      else if ('complete' in req) {
        const ok = typeof req.node === 'string' && typeof req.complete === 'string';
        await ch.send({ candidates: ok ? completeCommand(def, req.node, req.complete) : [] });
      } else if (typeof req.node === 'string' && typeof req.cmd === 'string') await ch.send(await runCommand(def, req.node, req.cmd));
    }
    if (ch.closed) {
      reactor.unwatch(a.fd);
      ch.close();
    }
  });
}
