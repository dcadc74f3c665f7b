// stty(1) from GNU coreutils 9.1: prints the terminal's settings (what differs from sane, all of them
// with -a, or a form stty takes back with -g) or changes them (flags, special characters, combinations
// like raw and sane, speed, window size), on standard input or the -F device.
import { CBAUD, O_NONBLOCK, O_RDONLY, TCSADRAIN, type Program, type Sys, type Termios, type TermiosView, type Winsize } from '../../kernel/abi.ts';
import { argBytes, Cmd } from '../lib/cmd.ts';
import { getenv } from '../lib/env.ts';
import { strerror } from '../lib/errno.ts';
import { STTY_VERSION, sttyHelp } from '../lib/help/stty.ts';
import { quoteIfNeeded } from '../lib/program.ts';
import { describe } from '../lib/stty/display.ts';
import { scanArguments } from '../lib/stty/options.ts';
import { savedForm } from '../lib/stty/saved.ts';
import { applySetting, parseSettings, type Action } from '../lib/stty/settings.ts';
import { speedOf } from '../lib/stty/speeds.ts';

const FAILURE = 1;

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const args = scanArguments(argv.slice(1));
  if (args.info) {
    await p.out.write(args.info === 'help' ? sttyHelp(argv[0] ?? 'stty') : STTY_VERSION);
    return finish(p, 0);
  }
  if (args.all && args.save) {
    await p.error('the options for verbose and stty-readable output styles are\nmutually exclusive');
    return p.finish(FAILURE);
  }
  if ((args.all || args.save) && args.settings.length) {
    await p.error('when specifying an output style, modes may not be set');
    return p.finish(FAILURE);
  }
  const actions = parseSettings(args.settings.map(argBytes));
  if (!Array.isArray(actions)) {
    if (actions.tryHelp) await p.tryHelp(actions.message);
    else await p.error(actions.message);
    return p.finish(FAILURE);
  }
  let fd = 0;
  const device = args.file === undefined ? "'standard input'" : quoteIfNeeded(args.file);
  if (args.file !== undefined) {
    fd = sys.open(args.file, O_RDONLY | O_NONBLOCK);
    if (fd < 0) return fail(p, `${device}: ${strerror(fd)}`);
  }
  const current = sys.tcgetattr(fd);
  if (typeof current === 'number') return fail(p, `${device}: ${strerror(current)}`);
  if (!actions.length) {
    const size = sys.tcgetwinsize(fd);
    const text = args.save ? `${savedForm(current)}\n`
      : describe(current, args.all, typeof size === 'number' ? undefined : size, screenWidth(sys, envp));
    await p.out.write(text);
    return finish(p, 0);
  }
  return change(p, fd, device, current, actions);
};

/** Carries out the actions in order, then sets the new settings and checks the terminal took them all. */
async function change(p: Cmd, fd: number, device: string, current: TermiosView, actions: Action[]): Promise<number> {
  const draft: Termios = { ...current, cc: current.cc.slice() };
  // glibc's struct termios also holds the speeds (c_ispeed, c_ospeed): only a speed argument changes them,
  // and it marks an input speed of 0 with a c_iflag bit the kernel does not keep (IBAUD0). So a speed of 0,
  // or a -g argument with another speed, reads back different from what stty asked for.
  let speedField = current.cflag & CBAUD;
  let zeroSpeed = false;
  for (const a of actions) {
    if (a.kind === 'size' || a.kind === 'speed' || a.kind === 'rows' || a.kind === 'cols') {
      const size = p.sys.tcgetwinsize(fd);
      if (typeof size === 'number') return fail(p, `${device}: ${strerror(size)}`);
      if (a.kind === 'size') await p.out.write(`${size.rows} ${size.cols}\n`);
      else if (a.kind === 'speed') await p.out.write(`${speedOf(draft.cflag)}\n`);
      else if (a.kind === 'rows' || a.kind === 'cols') {
        const next: Winsize = { ...size, [a.kind]: a.value & 0xffff };
        const r = p.sys.tcsetwinsize(fd, next);
        if (r < 0) return fail(p, `${device}: ${strerror(r)}`);
      }
      continue;
    }
    if (a.kind === 'baud') {
      speedField = a.code;
      zeroSpeed ||= a.code === 0;
    }
    applySetting(draft, a);
  }
  const speedsDiffer = zeroSpeed || (draft.cflag & CBAUD) !== speedField;
  if (!sameSettings(draft, current) || zeroSpeed) {
    const r = p.sys.tcsetattr(fd, TCSADRAIN, draft);
    if (r < 0) return fail(p, `${device}: ${strerror(r)}`);
    const after = p.sys.tcgetattr(fd);
    if (typeof after === 'number') return fail(p, `${device}: ${strerror(after)}`);
    if (!sameSettings(draft, after) || speedsDiffer) return fail(p, `${device}: unable to perform all requested operations`);
  }
  return finish(p, 0);
}

function sameSettings(a: TermiosView, b: TermiosView): boolean {
  if ((a.iflag ^ b.iflag) | (a.oflag ^ b.oflag) | (a.cflag ^ b.cflag) | (a.lflag ^ b.lflag)) return false;
  for (let i = 0; i < Math.max(a.cc.length, b.cc.length); i++) if ((a.cc[i] ?? 0) !== (b.cc[i] ?? 0)) return false;
  return true;
}

/** The columns output wraps at: standard output's terminal, else $COLUMNS, else 80. */
function screenWidth(sys: Sys, envp: readonly string[]): number {
  const size = sys.tcgetwinsize(1);
  if (typeof size !== 'number' && size.cols > 0) return size.cols;
  const columns = getenv(envp, 'COLUMNS');
  if (columns && /^[0-9]+$/.test(columns) && Number(columns) > 0) return Number(columns);
  return 80;
}

async function fail(p: Cmd, message: string): Promise<number> {
  await p.error(message);
  return p.finish(FAILURE);
}

/** close_stdout(): a failed write of the output is reported and fails the command. */
async function finish(p: Cmd, status: number): Promise<number> {
  await p.out.flush();
  if (!p.out.error) return p.finish(status);
  await p.err.write(`${p.name}: write error: ${strerror(p.out.error)}\n`);
  return p.finish(FAILURE);
}
