// vtysh's side: one connection to each running daemon's vty socket, the node the user is in, and each
// line sent to every daemon (the ones that know the command answer). vtysh's own commands (configure,
// exit, end, write, show running-config) are handled here.
import { O_CREAT, O_TRUNC, O_WRONLY, type Sys } from '../../../kernel/abi.ts';
import { utf8Encode } from '../../../fs/utf8.ts';
import { readFileText, writeAll } from '../io.ts';
import { describeCommand, errorText, matchCommand, mergeCandidates, words, type Candidate } from './cli.ts';
import { connectLocal, type Channel } from './channel.ts';
import type { ConfigSection, VtyReply } from './daemon.ts';
import { commandOwner } from './vtysh-owners.ts';
import { DAEMON_ORDER, FRR_GID, FRR_UID, FRR_VERSION, RUN_DIR, etcDir } from './paths.ts';

type Builtin = 'configure' | 'exit' | 'end' | 'write' | 'running' | 'do';

const BUILTINS: Record<'view' | 'config' | 'node', { syntax: string; action: Builtin }[]> = {
  view: [
    { syntax: 'configure [terminal]', action: 'configure' },
    { syntax: '<exit|quit>', action: 'exit' },
    { syntax: 'end', action: 'end' },
    { syntax: 'write [<memory|file>]', action: 'write' },
    { syntax: 'write integrated', action: 'write' },
    { syntax: 'write terminal', action: 'running' },
    { syntax: 'copy running-config startup-config', action: 'write' },
    { syntax: 'show running-config', action: 'running' },
  ],
  config: [
    { syntax: '<exit|quit>', action: 'exit' },
    { syntax: 'end', action: 'end' },
    { syntax: 'do LINE...', action: 'do' },
  ],
  node: [
    { syntax: '<exit|quit>', action: 'exit' },
    { syntax: 'end', action: 'end' },
    { syntax: 'do LINE...', action: 'do' },
  ],
};

/** The prompt suffix of each node, as vtysh shows it. */
export function nodePrompt(node: string): string {
  if (node === 'view') return '#';
  if (node === 'config') return '(config)#';
  if (node.startsWith('interface ')) return '(config-if)#';
  if (node === 'router bgp af') return '(config-router-af)#';
  if (node.startsWith('router ')) return '(config-router)#';
  if (node === 'line vty') return '(config-line)#';
  if (node.startsWith('route-map ')) return '(config-route-map)#';
  if (node.startsWith('key chain ')) return '(config-keychain)#';
  return '(config)#';
}

export class VtyshSession {
  node = 'view';
  private daemons: { name: string; ch: Channel }[] = [];
  /** The prompt's host name, once asked (hostname()). */
  private host: string | null = null;
  /** Set when the user left vtysh (`exit` in the view node). */
  done = false;

  constructor(readonly sys: Sys, readonly out: (text: string) => Promise<void>,
    readonly err: (text: string) => Promise<void> = out) {}

  /** Connects to every daemon (or only `only`, vtysh -d) whose vty socket answers; returns how many did. */
  async connect(only?: string): Promise<number> {
    for (const name of DAEMON_ORDER) {
      if (only !== undefined && name !== only) continue;
      const ch = await connectLocal(this.sys, `${RUN_DIR}/${name}.vty`);
      if (typeof ch !== 'number') this.daemons.push({ name, ch });
    }
    return this.daemons.length;
  }

  close(): void {
    for (const d of this.daemons) d.ch.close();
    this.daemons = [];
  }

  private async ask(ch: Channel, request: unknown): Promise<unknown> {
    await ch.send(request);
    return ch.next();
  }

  /**
   * What may come next on a line being typed (for `?` and TAB): vtysh's own commands and every daemon's,
   * one entry per text, sorted. `do ...` asks about the view node's commands (in the view node too, as
   * FRR 8.4.4's vtysh answers `do ?` there).
   */
  async complete(line: string): Promise<Candidate[]> {
    const w = words(line);
    if (w[0] === 'do' && (w.length > 1 || /\s$/.test(line))) {
      const node = this.node;
      this.node = 'view';
      try {
        return await this.complete(line.replace(/^\s*do\s+/, ''));
      } finally {
        this.node = node;
      }
    }
    const kind = this.node === 'view' ? 'view' : this.node === 'config' ? 'config' : 'node';
    // `do` is no command of FRR's graph: vtysh takes it before matching, and `?` never lists it.
    const lists: Candidate[][] = [describeCommand(BUILTINS[kind].filter((b) => b.action !== 'do'), line)];
    for (const d of this.daemons) {
      const r = (await this.ask(d.ch, { node: this.node, complete: line })) as { candidates?: Candidate[] } | null;
      if (r && Array.isArray(r.candidates)) lists.push(r.candidates);
    }
    return mergeCandidates(lists);
  }

  /** Runs one line; returns false when it failed (vtysh -c stops there and exits 1). */
  async line(text: string): Promise<boolean> {
    const t = text.trim();
    if (t === '' || t.startsWith('!') || t.startsWith('#')) return true;
    if (/^(no\s+)?ho/.test(t)) this.host = null;
    const kind = this.node === 'view' ? 'view' : this.node === 'config' ? 'config' : 'node';
    const own = matchCommand(BUILTINS[kind], t);
    if (own.ok) return this.builtin(own.match.spec.action, own.match.words.slice(1).map((w) => w.value).join(' '));
    const replies: VtyReply[] = [];
    for (const d of this.daemons) {
      const r = (await this.ask(d.ch, { node: this.node, cmd: t })) as VtyReply | null;
      if (r && typeof r === 'object' && typeof r.status === 'string') replies.push(r);
    }
    const done = replies.filter((r) => r.status === 'ok' || r.status === 'warning');
    if (done.length > 0) {
      for (const r of done) if (r.out) await this.out(r.out);
      const entered = done.find((r) => r.enter);
      if (entered) this.node = entered.enter!;
      return done.every((r) => r.status === 'ok');
    }
    const owner = commandOwner(words(t));
    if (owner && !this.daemons.some((d) => d.name === owner)) {
      await this.err(`${owner} is not running\n`);
      return false;
    }
    const error = replies.some((r) => r.status === 'ambiguous') ? 'ambiguous'
      : replies.some((r) => r.status === 'incomplete') || (!own.ok && own.error === 'incomplete') ? 'incomplete' : 'unknown';
    await this.out(errorText(error, t));
    return false;
  }

  private async builtin(action: Builtin, rest: string): Promise<boolean> {
    switch (action) {
      case 'configure':
        this.node = 'config';
        return true;
      case 'exit':
        if (this.node === 'view') this.done = true;
        // An address family of router bgp goes back to its router node.
        else this.node = this.node === 'config' ? 'view' : this.node === 'router bgp af' ? 'router bgp' : 'config';
        return true;
      case 'end':
        if (this.node !== 'view') this.node = 'view';
        return true;
      case 'do': {
        const node = this.node;
        this.node = 'view';
        const r = await this.line(rest);
        this.node = node;
        return r;
      }
      case 'running':
        await this.out(`Building configuration...\n\nCurrent configuration:\n!\n${await this.runningConfig()}end\n`);
        return true;
      case 'write':
        return this.write();
    }
  }

  /** The configuration every daemon holds, merged and ordered as vtysh prints it (without the `end`). */
  async runningConfig(): Promise<string> {
    const sections: ConfigSection[] = [];
    for (const d of this.daemons) {
      const r = (await this.ask(d.ch, { config: true })) as { sections?: ConfigSection[] } | null;
      if (r && Array.isArray(r.sections)) sections.push(...r.sections);
    }
    // Every daemon holds the library's lines (log, debug, passwords): each is shown once.
    const linesOf = (kind: ConfigSection['kind']) => [...new Set(sections.filter((s) => s.kind === kind).flatMap((s) => s.lines))];
    const globals = linesOf('global');
    const hostname = globals.find((l) => l.startsWith('hostname ')) ?? `hostname ${this.sys.uname().nodename}`;
    let text = `frr version ${FRR_VERSION}\nfrr defaults traditional\n${hostname}\n`;
    for (const l of linesOf('log')) text += `${l}\n`;
    for (const l of globals) if (!l.startsWith('hostname ')) text += `${l}\n`;
    text += 'service integrated-vtysh-config\n!\n';
    for (const kind of ['debug', 'password'] as const) {
      const lines = linesOf(kind);
      if (lines.length > 0) text += lines.map((l) => `${l}\n`).join('') + '!\n';
    }
    const statics = sections.filter((s) => s.kind === 'static').flatMap((s) => s.lines);
    if (statics.length > 0) text += statics.map((l) => `${l}\n`).join('') + '!\n';
    const blocks = (kind: 'interface' | 'router' | 'route-map'): void => {
      const byNode = new Map<string, string[]>();
      for (const s of sections.filter((x) => x.kind === kind)) byNode.set(s.node!, [...(byNode.get(s.node!) ?? []), ...s.lines]);
      const nodes = [...byNode.keys()];
      if (kind === 'interface') nodes.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const n of nodes) text += `${n}\n${byNode.get(n)!.map((l) => `${l}\n`).join('')}exit\n!\n`;
    };
    blocks('interface');
    blocks('router');
    // Then the filters, as vtysh orders its nodes: prefix lists (each line once), route maps.
    const plists = linesOf('prefix-list');
    if (plists.length > 0) text += plists.map((l) => `${l}\n`).join('') + '!\n';
    blocks('route-map');
    return text;
  }

  /** `write memory`: the running configuration into frr.conf (the old one kept as frr.conf.sav). */
  private async write(): Promise<boolean> {
    const path = `${etcDir()}/frr.conf`;
    await this.out('Note: this version of vtysh never writes vtysh.conf\nBuilding Configuration...\n');
    const old = await readFileText(this.sys, path);
    if (typeof old === 'string') await this.save(`${path}.sav`, old, 0o640);
    await this.save(path, await this.runningConfig(), 0o640);
    await this.out(`Integrated configuration saved to ${path}\n[OK]\n`);
    return true;
  }

  private async save(path: string, text: string, mode: number): Promise<void> {
    const fd = this.sys.open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd < 0) return;
    await writeAll(this.sys, fd, utf8Encode(text));
    this.sys.close(fd);
    this.sys.chmod(path, mode);
    this.sys.chown(path, FRR_UID, FRR_GID);
  }

  /** The host name vtysh's prompt shows: the configured one, else the system's (asked again after `[no] hostname`). */
  async hostname(): Promise<string> {
    if (this.host !== null) return this.host;
    for (const d of this.daemons) {
      const r = (await this.ask(d.ch, { config: true })) as { sections?: ConfigSection[] } | null;
      const line = r?.sections?.find((s) => s.kind === 'global')?.lines.find((l) => l.startsWith('hostname '));
      if (line) return (this.host = words(line)[1]!);
    }
    return (this.host = this.sys.uname().nodename);
  }

  async prompt(): Promise<string> {
    return `${await this.hostname()}${nodePrompt(this.node)} `;
  }
}
