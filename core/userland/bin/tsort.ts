// tsort(1) from GNU coreutils 9.1: the blank-separated pairs "A B" (A before B) of FILE or stdin in
// an order consistent with them, by Knuth's algorithm T as tsort.c runs it: items visited in byte
// order, successors most recent first, and each loop reported on stderr and broken by dropping one
// relation (status 1). An odd number of tokens is fatal.
import type { Program } from '../../kernel/abi.ts';
import { Cmd, readInput } from '../lib/cmd.ts';
import { answerInfo } from '../lib/coreutils-info.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { quote, quoteIfNeeded } from '../lib/program.ts';

interface Successor {
  item: Item;
  next: Successor | null;
}

interface Item {
  name: string;
  /** Relations still pointing at the item. */
  count: number;
  /** Successors, the last recorded first. */
  top: Successor | null;
  /** The queue of items ready to print, reused as the path while a loop is searched. */
  qlink: Item | null;
  printed: boolean;
}

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const r = getopt(argv, '', [{ name: 'help' }, { name: 'version' }]);
  if (await answerInfo(p, 'tsort', r.opts)) return p.finish(0);
  if (r.error) return p.finish(await p.tryHelp(r.error));
  if (r.operands.length > 1) return p.finish(await p.tryHelp(`extra operand ${quote(r.operands[1]!)}`));
  const file = r.operands[0] ?? '-';
  const inp = await readInput(sys, file);
  if ('openError' in inp) {
    await p.error(`${quoteIfNeeded(file)}: ${strerror(inp.openError)}`);
    return p.finish(1);
  }
  // A read error ends the input as end of file does (readtoken stops at either).
  const tokens = inp.data.split(/[ \t\n]+/).filter((t) => t !== '');
  if (tokens.length % 2) {
    await p.error(`${quoteIfNeeded(file)}: input contains an odd number of tokens`);
    return p.finish(1);
  }
  const items = new Map<string, Item>();
  const itemOf = (name: string): Item => {
    let it = items.get(name);
    if (!it) items.set(name, (it = { name, count: 0, top: null, qlink: null, printed: false }));
    return it;
  };
  for (let i = 0; i < tokens.length; i += 2) {
    const j = itemOf(tokens[i]!);
    const k = itemOf(tokens[i + 1]!);
    if (j !== k) {
      k.count++;
      j.top = { item: k, next: j.top };
    }
  }
  // tsort.c keeps the items in a search tree and walks it in order: byte order of the names.
  const sorted = [...items.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let left = sorted.length;
  let status = 0;
  let loop: Item | null = null;
  // error(3) flushes stdout before it writes.
  const report = async (m: string): Promise<void> => {
    await p.out.flush();
    await p.error(m);
  };
  /**
   * One step of the loop search over the items in order (tsort.c's detect_loop): the path grows
   * backwards from the first item still waiting, through items that precede its head; an item already
   * on the path closes a loop, which is printed and broken. True once a loop was printed.
   */
  const detectLoop = async (k: Item): Promise<boolean> => {
    if (k.count <= 0) return false;
    if (!loop) {
      loop = k;
      return false;
    }
    for (let link: { next: Successor | null } | Item = k, s = k.top; s; link = s, s = s.next) {
      if (s.item !== loop) continue;
      if (!k.qlink) {
        k.qlink = loop;
        loop = k;
        return false;
      }
      // Print the path from its head back to k, drop k's relation to the head, then clear the path.
      while (loop) {
        const next: Item | null = loop.qlink;
        await report(loop.name);
        if (loop === k) {
          s.item.count--;
          if (link === k) k.top = s.next;
          else (link as Successor).next = s.next;
          break;
        }
        loop.qlink = null;
        loop = next;
      }
      while (loop) {
        const next: Item | null = loop.qlink;
        loop.qlink = null;
        loop = next;
      }
      return true;
    }
    return false;
  };
  while (left > 0) {
    const queue = sorted.filter((it) => it.count === 0 && !it.printed);
    for (let q = 0; q < queue.length; q++) {
      const head = queue[q]!;
      await p.put(`${head.name}\n`);
      head.printed = true;
      left--;
      for (let s = head.top; s; s = s.next) if (--s.item.count === 0) queue.push(s.item);
    }
    if (left > 0) {
      await report(`${quoteIfNeeded(file)}: input contains a loop:`);
      status = 1;
      do {
        for (const it of sorted) if (await detectLoop(it)) break;
      } while (loop);
    }
    await sys.yield();
  }
  return p.finish(status);
};
