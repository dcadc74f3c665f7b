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
import { daemonize, ready } from './daemonize.ts';
import { Reactor } from './reactor.ts';
import { FRR_GID, FRR_UID, FRRVTY_GID, RUN_DIR, etcDir } from './paths.ts';

/** A daemon's answer to one command. */
export interface VtyReply {
  status: 'ok' | 'unknown' | 'incomplete' | 'ambiguous' | 'warning';
  out: string;
  /** The node the command entered (`router rip`, `interface eth0`). */
  enter?: string;
}

/** One part of `show running-config`: where it goes and its lines (a node's lines include its header). */
export interface ConfigSection {
  kind: 'global' | 'log' | 'debug' | 'password' | 'static' | 'interface' | 'router';
  /** For interface and router sections: the header line (`interface eth0`), which merges sections. */
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
  /** The configuration of FRR's library (logging, debugging, passwords) and its commands. */
  common?: { config: CommonConfig; table: CommandTable };
}

export const ok = (out = ''): VtyReply => ({ status: 'ok', out });

/** The kind of a node, as command tables are keyed. */
export function nodeKind(node: string): string {
  if (node.startsWith('interface ')) return 'interface';
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

function parseArgs(argv: readonly string[]): Options | string {
  const o: Options = { daemon: false };
  const withValue = new Set(['-f', '--config_file', '-i', '--pid_file', '-A', '--vty_addr', '-P', '--vty_port', '-u',
    '--user', '-g', '--group', '-F', '--profile', '-s', '--nl-bufsize', '-N', '--pathspace', '-z', '--socket', '-M',
    '--module', '--log', '--log-level', '-o', '--vrfdefaultname', '-e', '--ecmp']);
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-d' || a === '--daemon') o.daemon = true;
    else if (withValue.has(a)) {
      const v = argv[++i];
      if (v === undefined) return `option requires an argument -- '${a.replace(/^-+/, '')}'`;
      if (a === '-f' || a === '--config_file') o.configFile = v;
      if (a === '-i' || a === '--pid_file') o.pidFile = v;
    } else if (/^-[a-zA-Z]$|^--/.test(a) && !['-t', '--dryrun', '-r', '--retain', '-K', '--graceful_restart',
      '--terminal', '--limit-fds', '--command-log-always', '--scriptdir', '--moduledir', '--tcli'].includes(a)) {
      return `invalid option -- '${a.replace(/^-+/, '')}'`;
    }
  }
  return o;
}

/**
 * The main of a daemon program: parse, go into the background, read the config, serve forever. `make`
 * builds the daemon for the process that serves (the background child with -d).
 */
export async function daemonMain(make: (sys: Sys) => DaemonDef, sys: Sys, argv: readonly string[]): Promise<number> {
  const o = parseArgs(argv);
  if (typeof o === 'string') {
    await writeAll(sys, 2, `${argv[0] ?? 'frr'}: ${o}\n`);
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
