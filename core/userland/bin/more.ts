// more(1) from util-linux 2.38: pages files on a terminal with a "--More--(NN%)" prompt (space: next
// page, Enter: next line, d: half a page, /pattern and n: search, q: quit); when stdout is not a
// terminal it copies its input like cat, with "::::::::::::::" headers when given several files.
import { ECHO, ICANON, ISIG, TCSADRAIN, TCSANOW, type Program, type Sys } from '../../kernel/abi.ts';
import { Cmd, fromLatin1 } from '../lib/cmd.ts';
import { MORE_HELP } from '../lib/help/util-linux.ts';
import { KeyReader } from '../lib/editor/keys.ts';
import { Terminal } from '../lib/editor/terminal.ts';
import { displayText, keyboardFromTty, loadPagerFile, textLines, wrapLine, type PagerFile } from '../lib/pager-input.ts';

const HEADER_RULE = '::::::::::::::';

/** more's long options that the pager here takes without effect (besides --help and --version). */
const LONG_OPTIONS = ['silent', 'logical', 'no-pause', 'print-over', 'clean-print', 'squeeze', 'plain', 'exit-on-eof'];

export const main: Program = async (sys, argv, envp) => {
  const p = new Cmd(sys, argv, envp);
  const names: string[] = [];
  for (const a of argv.slice(1)) {
    if (a.startsWith('-') && a !== '-' && a.length > 1) {
      if (/^-\d+$/.test(a) || a === '--') continue;
      // getopt order: -h/--help and -V/--version act where they stand, after any bad option before them.
      const info = async (help: boolean): Promise<number> => {
        await p.out.write(help ? MORE_HELP : 'more from util-linux 2.38.1\n');
        return p.finish(0);
      };
      const bad = async (msg: string): Promise<number> => {
        await p.error(msg);
        await p.err.write(`Try 'more --help' for more information.\n`);
        return p.finish(1);
      };
      if (a.startsWith('--')) {
        if (a === '--help' || a === '--version') return info(a === '--help');
        if (!LONG_OPTIONS.includes(a.slice(2).split('=')[0]!)) return bad(`unrecognized option '${a}'`);
        continue;
      }
      for (const c of a.slice(1)) {
        if (c === 'h' || c === 'V') return info(c === 'h');
        if (!'dlfpcsue'.includes(c)) return bad(`invalid option -- '${c}'`);
      }
      continue;
    }
    names.push(a);
  }
  const tty = sys.isatty(1);
  if (names.length === 0) {
    if (sys.isatty(0)) {
      await p.err.write('more: bad usage\nTry \'more --help\' for more information.\n');
      return p.finish(1);
    }
    names.push('-');
  }
  const files: PagerFile[] = [];
  for (const n of names) {
    const f = await loadPagerFile(sys, n);
    if ('error' in f && !f.isDir) {
      await p.out.flush();
      await p.error(`cannot open ${n}: ${f.error}`);
      continue;
    }
    if (tty) {
      files.push(f);
      continue;
    }
    // Not a terminal: copy, each named file under a header, as util-linux more does.
    if ('error' in f) await p.put(`\n*** ${f.name}: directory ***\n\n`);
    else {
      if (n !== '-') await p.put(`${HEADER_RULE}\n${f.name}\n${HEADER_RULE}\n`);
      await p.out.write(fromLatin1(f.text));
    }
  }
  if (!tty) return p.finish(0);
  await page(sys, p, files, names.length > 1);
  return p.finish(0);
};

/** The interactive part: pages lines onto the normal screen, prompting between screenfuls. */
async function page(sys: Sys, p: Cmd, files: PagerFile[], headers: boolean): Promise<void> {
  if (!sys.isatty(0)) keyboardFromTty(sys);
  const term = new Terminal(sys);
  await p.out.flush();
  // more stays on the normal screen: keys unbuffered and unechoed, no alternate screen.
  term.updateSize();
  const saved = sys.tcgetattr(0);
  if (typeof saved !== 'number') {
    sys.tcsetattr(0, TCSANOW, { ...saved, lflag: saved.lflag & ~(ICANON | ECHO | ISIG), cc: saved.cc.slice() });
  }
  const keys = new KeyReader(sys, term);
  const pageRows = Math.max(1, term.rows - 1);
  let lastPattern = '';
  try {
    for (let fi = 0; fi < files.length; fi++) {
      const f = files[fi]!;
      if ('error' in f) {
        term.write(`\r\n*** ${f.name}: directory ***\r\n\r\n`);
        continue;
      }
      const lines = textLines(f.text).flatMap((l) => wrapLine(displayText(l), term.cols));
      const offsets: number[] = [];
      let acc = 0;
      for (const l of textLines(f.text)) offsets.push((acc += l.length + 1));
      const rawLines = textLines(f.text);
      // byte position after display row i, for the percentage
      const rowEnd: number[] = [];
      rawLines.forEach((l, i) => {
        const n = wrapLine(displayText(l), term.cols).length;
        for (let k = 0; k < n; k++) rowEnd.push(offsets[i]!);
      });
      let shown = 0;
      let budget = pageRows;
      if (headers) {
        term.write(`${HEADER_RULE}\r\n${f.name}\r\n${HEADER_RULE}\r\n`);
        budget -= 3;
      }
      const show = (n: number): void => {
        const end = Math.min(lines.length, shown + n);
        for (; shown < end; shown++) term.write(lines[shown]! + '\r\n');
      };
      show(budget);
      while (shown < lines.length || (fi + 1 < files.length)) {
        const atEnd = shown >= lines.length;
        const next = files[fi + 1];
        const prompt = atEnd ? `--More--(Next file: ${next!.name})` : `--More--(${Math.floor(((rowEnd[shown - 1] ?? 0) * 100) / Math.max(1, f.size))}%)`;
        term.write(`\x1b[7m${prompt}\x1b[27m`);
        await term.flush();
        const k = await keys.next();
        term.write('\r\x1b[K');
        if (k === null || k === 'q' || k === 'Q' || k === '\x03') return;
        if (atEnd) {
          if (k === ' ' || k === '\r' || k === '\n' || k === 'n' || k === 'f') break;
          continue;
        }
        if (k === ' ' || k === 'f' || k === 'z' || k === 'PgDn') show(pageRows);
        else if (k === '\r' || k === '\n' || k === 'j' || k === 'Down') show(1);
        else if (k === 'd' || k === '\x04') show(Math.floor(pageRows / 2));
        else if (k === '/' || k === 'n') {
          let pattern = lastPattern;
          if (k === '/') {
            term.write('/');
            await term.flush();
            pattern = '';
            for (;;) {
              const c = await keys.next();
              if (c === null || c === '\r' || c === '\n') break;
              if (c === '\x7f' || c === '\b') {
                if (pattern) {
                  pattern = pattern.slice(0, -1);
                  term.write('\b \b');
                }
              } else if (c.length === 1 && c >= ' ') {
                pattern += c;
                term.write(c);
              }
              await term.flush();
            }
            term.write('\r\x1b[K');
            lastPattern = pattern;
          }
          let re: RegExp | null = null;
          try {
            re = new RegExp(pattern);
          } catch {
            re = null;
          }
          const hit = re ? lines.findIndex((l, i) => i >= shown && re!.test(l)) : -1;
          if (hit < 0) {
            term.write('\x1b[7mPattern not found\x1b[m');
            await term.flush();
            await keys.next();
            term.write('\r\x1b[K');
            continue;
          }
          term.write('...skipping\r\n');
          shown = Math.max(shown, hit - 2);
          show(pageRows - 1);
        }
      }
    }
  } finally {
    await term.flush();
    if (typeof saved !== 'number') sys.tcsetattr(0, TCSADRAIN, saved);
  }
}
