// FRR 8.4's vtysh: the integrated shell. `-c CMD` runs commands (stopping at the first that fails, exit
// 1), `-b` sends frr.conf to the daemons, and without either it reads lines at the `host#` prompt: with
// readline's editing, `?` help and TAB completion on a terminal, plain lines from a pipe.
import { utf8Decode, utf8Encode, type Program } from '../../kernel/abi.ts';
import { writeAll } from '../lib/io.ts';
import { getopt } from '../lib/getopt.ts';
import { readFileText } from '../lib/io.ts';
import { configBlocks } from '../lib/frr/config-file.ts';
import { DAEMON_ORDER, FRR_CONFIG_ARGS, FRR_VERSION, etcDir } from '../lib/frr/paths.ts';
import { VtyshReadline } from '../lib/frr/vtysh-readline.ts';
import { VtyshSession } from '../lib/frr/vtysh-session.ts';

const HELP = `Usage : vtysh [OPTION...]

Integrated shell for FRR (version ${FRR_VERSION}). 
Configured with:
    ${FRR_CONFIG_ARGS}

-b, --boot               Execute boot startup configuration
-c, --command            Execute argument as command
-d, --daemon             Connect only to the specified daemon
-f, --inputfile          Execute commands from specific file and exit
-E, --echo               Echo prompt and command in -c mode
-C, --dryrun             Check configuration for validity and exit
-m, --markfile           Mark input file with context end
    --vty_socket         Override vty socket path
    --config_dir         Override config directory path
-N  --pathspace          Insert prefix into config & socket paths
-u  --user               Run as an unprivileged user
-w, --writeconfig        Write integrated config (frr.conf) and exit
-H, --histfile           Override history file
-h, --help               Display this help and exit

Note that multiple commands may be executed from the command
line by passing multiple -c args, or by embedding linefeed
characters in one or more of the commands.

Report bugs to https://github.com/frrouting/frr/issues
`;

const BANNER = `\nHello, this is FRRouting (version ${FRR_VERSION}).\nCopyright 1996-2005 Kunihiro Ishiguro, et al.\n\n`;

export const main: Program = async (sys, argv) => {
  const out = (text: string) => writeAll(sys, 1, utf8Encode(text)).then(() => undefined);
  const g = getopt(argv, 'bc:d:f:ECmN:u:wH:h', [
    { name: 'boot', key: 'b' }, { name: 'command', arg: 'required', key: 'c' }, { name: 'daemon', arg: 'required', key: 'd' },
    { name: 'inputfile', arg: 'required', key: 'f' }, { name: 'echo', key: 'E' }, { name: 'dryrun', key: 'C' },
    { name: 'markfile', key: 'm' }, { name: 'pathspace', arg: 'required', key: 'N' }, { name: 'user', arg: 'required', key: 'u' },
    { name: 'writeconfig', key: 'w' }, { name: 'histfile', arg: 'required', key: 'H' }, { name: 'help', key: 'h' },
    { name: 'vty_socket', arg: 'required' }, { name: 'config_dir', arg: 'required' },
  ]);
  if (g.error) {
    await writeAll(sys, 2, utf8Encode(`${argv[0] ?? 'vtysh'}: ${g.error}\n${HELP}`));
    return 1;
  }
  if (g.opts.some((o) => o.key === 'h')) {
    await out(HELP);
    return 0;
  }
  const commands = g.opts.filter((o) => o.key === 'c').flatMap((o) => (o.value ?? '').split('\n'));
  const boot = g.opts.some((o) => o.key === 'b');
  const err = (text: string) => writeAll(sys, 2, utf8Encode(text)).then(() => undefined);
  const session = new VtyshSession(sys, out, err);
  const only = g.opts.find((o) => o.key === 'd')?.value;
  if (only !== undefined && !(DAEMON_ORDER as readonly string[]).includes(only) && only !== 'watchfrr') {
    await err(`Error: no daemons match name ${only}!\n`);
  }
  if ((await session.connect(only)) === 0) {
    await writeAll(sys, 2, utf8Encode('Exiting: failed to connect to any daemons.\n'));
    return 1;
  }
  try {
    if (boot) {
      const text = await readFileText(sys, `${etcDir()}/frr.conf`);
      if (typeof text !== 'string') return 0;
      for (const block of configBlocks(text)) {
        session.node = 'config';
        if (block.node !== 'config' && !(await session.line(block.node))) continue;
        for (const l of block.lines) await session.line(l.text);
      }
      return 0;
    }
    if (commands.length > 0) {
      for (const c of commands) if (!(await session.line(c))) return 1;
      return 0;
    }
    return await interactive(sys, session, out);
  } finally {
    session.close();
  }
};

/** The `host#` prompt: one line at a time until `exit` in the view node or end of input. */
async function interactive(sys: Parameters<Program>[0], session: VtyshSession, out: (t: string) => Promise<void>): Promise<number> {
  await out(BANNER);
  if (sys.isatty(0)) {
    const editor = new VtyshReadline(sys, session, out);
    editor.enter();
    try {
      while (!session.done) {
        const line = await editor.read(await session.prompt());
        if (line === null) {
          await out('\n');
          return 0;
        }
        await session.line(line);
      }
    } finally {
      editor.leave();
    }
    return 0;
  }
  // readline echoes what it reads when the input is not a terminal.
  const buf = new Uint8Array(4096);
  let pending = '';
  while (!session.done) {
    await out(await session.prompt());
    let nl: number;
    while ((nl = pending.indexOf('\n')) < 0) {
      const n = await sys.read(0, buf);
      if (n <= 0) {
        await out('\n');
        return 0;
      }
      pending += utf8Decode(buf.subarray(0, n));
    }
    const line = pending.slice(0, nl);
    pending = pending.slice(nl + 1);
    await out(`${line}\n`);
    await session.line(line);
  }
  return 0;
}
