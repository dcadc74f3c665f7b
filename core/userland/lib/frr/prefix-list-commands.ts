// The `ip prefix-list` commands of the configuration node (lib/plist.c's), as every daemon built on FRR's
// library has them: each daemon keeps its own lists (vtysh sends the line to all of them).
import type { Matched } from './cli.ts';
import { ok, type Action } from './daemon.ts';
import type { PrefixLists } from './prefix-list.ts';

const RULE = '<permit|deny> <any|A.B.C.D/M|A.B.C.D/M ge (0-32)|A.B.C.D/M le (0-32)|A.B.C.D/M ge (0-32) le (0-32)>';
const SYNTAX = [`ip prefix-list WORD [seq (1-4294967295)] ${RULE}`, `no ip prefix-list WORD [seq (1-4294967295)] [${RULE}]`];

/** An `ip prefix-list` line (or its `no`) applied to `lists`: null, or what vtysh prints. */
function apply(lists: PrefixLists, m: Matched<Action>): string | null {
  const word = (t: string) => m.words.find((w) => w.token === t)?.value;
  const name = word('WORD')!;
  const seqText = word('(1-4294967295)');
  const seq = seqText === undefined ? null : Number(seqText);
  const nums = m.words.filter((w) => w.token === '(0-32)').map((w) => Number(w.value));
  const kws = m.words.map((w) => w.token);
  const ge = kws.includes('ge') ? nums[0]! : null;
  const le = kws.includes('le') ? nums[nums.length - 1]! : null;
  const action = kws.includes('permit') ? 'permit' : 'deny';
  const spec = kws.includes('any') ? 'any' : word('A.B.C.D/M')!;
  if (kws[0] === 'no') return lists.remove(name, seq);
  return lists.add(name, seq, action, spec, ge, le);
}

/** The commands, changing `lists`; `changed` runs after each change (a daemon applies its policies again). */
export function prefixListCommands(lists: PrefixLists, changed: () => void = () => {}): { syntax: string; action: Action }[] {
  return SYNTAX.map((syntax) => ({ syntax, action: (m: Matched<Action>) => {
    const err = apply(lists, m);
    if (err !== null) return { status: 'warning' as const, out: err };
    changed();
    return ok();
  } }));
}
