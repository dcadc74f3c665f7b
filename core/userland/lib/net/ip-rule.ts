// `ip rule`: the routing policy database. Guests have only the three default rules (local, main, default).

import { matches, type IpCtx } from './ip-common.ts';

const RULES: Array<[number, string]> = [[0, 'local'], [32766, 'main'], [32767, 'default']];

export function doRule(ctx: IpCtx, args: string[]): number {
  const cmd = args[0];
  if (cmd === undefined || matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) {
    if (ctx.opts.json) ctx.json(RULES.map(([p, t]) => ({ priority: p, src: 'all', table: t })));
    else for (const [p, t] of RULES) ctx.out(`${p}:\tfrom all lookup ${t}\n`);
    return 0;
  }
  if (matches(cmd, 'add') || matches(cmd, 'delete') || matches(cmd, 'flush')) ctx.fail('RTNETLINK answers: Operation not supported', 2);
  ctx.fail(`Command "${cmd}" is unknown, try "ip rule help".`, 255);
}
