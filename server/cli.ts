// The `netloom` command line: run a lab headless and execute commands in it, attach a terminal to a device's
// console, run a lab's checks, list a lab; Kathará's verbs as aliases. Exit 2 for bad arguments, 1 for bad
// labs. bin/netloom.js loads this file and calls main().
import { resolve } from 'node:path';
import { existsSync, readFileSync, statSync } from 'node:fs';
import {
  Lab, NS_PER_SEC, formatDiagnostic, runLabCheckerSpec, runNetkitTests, type CheckResult, type LabDiagnostic, type LabOptions,
} from '../core/index.ts';
import { nodeHost } from './host.ts';
import { nodeLabFiles } from './lab-folder.ts';
import { SERVE_USAGE, parseServeArgs, serve } from './serve.ts';

/** A bad command line: printed with a hint, exit status 2. */
class UsageError extends Error {}

interface Command {
  usage: string;
  run(args: string[]): Promise<number>;
}

const out = (s: string): void => void process.stdout.write(s);
const err = (s: string): void => void process.stderr.write(s);

const MAIN_USAGE = `Usage: netloom <command> [options]

Netloom runs Kathará and Netkit labs on emulated Linux guests.

Commands:
  serve [--host ADDR] [--port N] [--data DIR]
                         start the web application (lab editor and consoles) on http://127.0.0.1:8080
  run [LABDIR] [--exec 'DEV: COMMAND']... [--wait SECONDS] [--json]
                         boot a lab headless in fast virtual time, run commands, print their output
  console [LABDIR DEV]   boot a lab in real time and attach this terminal to DEV's console (Ctrl-] leaves)
  check LABDIR [--spec FILE]...
                         run the lab's checks (Netkit _test signatures, kathara-lab-checker specs)
  info LABDIR            list the devices, interfaces and collision domains of a lab

Kathará verbs: lstart [-d LABDIR] (boot, show device states), linfo [-d LABDIR], connect [-d LABDIR] DEV,
  exec [-d LABDIR] DEV COMMAND..., ltest [-d LABDIR], lclean, lhalt.

Without LABDIR, the lab is one kathara/base device named pc.
Run 'netloom <command> --help' for a command's options.
`;

const COMMANDS: Record<string, Command> = {
  serve: {
    usage: SERVE_USAGE,
    run: (args) => serve(parseServeArgs(args, (msg) => {
      throw new UsageError(msg);
    })),
  },
  run: {
    usage: `Usage: netloom run [LABDIR] [--exec 'DEV: COMMAND']... [--wait SECONDS] [--json]

Boots the lab (or one device named pc) headless in fast virtual time, runs every startup script to
completion, lets SECONDS of virtual time pass (default 0), then runs each command with bash -c on its
device, a new shell each time (files persist). Prints what each command writes to stdout and stderr, in
the order written. Exit status: the last command's.

  --exec 'DEV: COMMAND'  a command to run on DEV (repeatable; 'COMMAND' alone means the only device)
  --wait SECONDS         virtual seconds to let pass after boot, before the commands
  --json                 print a JSON array of {device, command, exitCode, output} instead
`,
    run: cmdRun,
  },
  console: {
    usage: `Usage: netloom console [LABDIR DEV]

Boots the lab in real time and attaches this terminal to DEV's console (raw mode: every key goes to the
guest). Ctrl-] leaves. Without arguments: one device named pc.
`,
    run: cmdConsole,
  },
  connect: {
    usage: `Usage: netloom connect [-d LABDIR] DEV

Kathará's connect: boots the lab (current folder by default) in real time and attaches to DEV's console.
`,
    run: (args) => {
      const { dir, rest } = takeDir(args);
      if (rest.length !== 1) throw new UsageError('connect needs exactly one device name.');
      return cmdConsole([dir, rest[0]!]);
    },
  },
  check: {
    usage: `Usage: netloom check LABDIR [--spec FILE]...

Boots the lab in fast virtual time and runs its checks: Netkit tests (_test/DEV.test compared with
_test/signature/DEV.user) and kathara-lab-checker configurations (JSON files at the lab's top level
with a "test" object, and each --spec FILE). Prints pass/fail per check with a diff; exit 1 if any fails.
`,
    run: cmdCheck,
  },
  ltest: {
    usage: 'Usage: netloom ltest [-d LABDIR]\n\nKathará\'s ltest: the same as netloom check.\n',
    run: (args) => {
      const { dir, rest } = takeDir(args);
      return cmdCheck([dir, ...rest]);
    },
  },
  info: {
    usage: 'Usage: netloom info LABDIR\n\nLoads and checks a lab without booting it and lists its devices, interfaces and collision domains.\n',
    run: cmdInfo,
  },
  linfo: {
    usage: 'Usage: netloom linfo [-d LABDIR]\n\nKathará\'s linfo: the same as netloom info.\n',
    run: (args) => {
      const { dir, rest } = takeDir(args);
      if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'.`);
      return cmdInfo([dir]);
    },
  },
  lstart: {
    usage: `Usage: netloom lstart [-d LABDIR]

Kathará's lstart: boots the lab headless, runs the startup scripts and shows each device's state and
startup log. The lab lives only while netloom runs: use 'netloom console' to work in it.
`,
    run: cmdLstart,
  },
  exec: {
    usage: `Usage: netloom exec [-d LABDIR] DEV COMMAND...

Kathará's exec: boots the lab and runs COMMAND (joined with spaces, run by bash -c) on DEV.
`,
    run: (args) => {
      const { dir, rest } = takeDir(args);
      if (rest.length < 2) throw new UsageError('exec needs a device name and a command.');
      return cmdRun([dir, '--exec', `${rest[0]}: ${rest.slice(1).join(' ')}`]);
    },
  },
  lclean: {
    usage: 'Usage: netloom lclean [-d LABDIR]\n\nKathará\'s lclean. A netloom lab lives only while its netloom command runs, so there is nothing to clean.\n',
    run: noLongLivedLab('lclean'),
  },
  lhalt: {
    usage: 'Usage: netloom lhalt [-d LABDIR]\n\nKathará\'s lhalt. A netloom lab lives only while its netloom command runs, so there is nothing to halt.\n',
    run: noLongLivedLab('lhalt'),
  },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    if (name === 'help' && args[0] && COMMANDS[args[0]]) out(COMMANDS[args[0]]!.usage);
    else (name === undefined ? err : out)(MAIN_USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    err(`netloom: unknown command '${name}'.\nRun 'netloom --help' for the list of commands.\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    out(command.usage);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`netloom ${name}: ${e.message}\nRun 'netloom ${name} --help' for usage.\n`);
      return 2;
    }
    err(`netloom ${name}: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    return 70;
  }
}

// ------------------------------------------------------------------------------------------- helpers

function takeDir(args: string[]): { dir: string; rest: string[] } {
  const rest: string[] = [];
  let dir = '.';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-d' || a === '--directory') {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a folder.`);
      dir = v;
    } else if (a.startsWith('--directory=')) dir = a.slice('--directory='.length);
    else rest.push(a);
  }
  return { dir, rest };
}

function noLongLivedLab(verb: string): (args: string[]) => Promise<number> {
  return async (args) => {
    takeDir(args);
    out(`netloom ${verb}: no lab is running (a netloom lab lives only while its netloom command runs).\n`);
    return 0;
  };
}

function labOptions(): LabOptions {
  return { host: nodeHost };
}

function printDiagnostics(label: string, list: readonly LabDiagnostic[]): void {
  for (const d of list) err(`${label}: ${formatDiagnostic(d)}\n`);
}

/** Loads LABDIR (or the one-device lab); prints the errors and returns undefined when it is not usable. */
function openLab(dir: string | undefined, options: LabOptions = labOptions(), quiet = false): Lab | undefined {
  if (dir !== undefined) {
    const root = resolve(dir);
    if (!existsSync(root) || !statSync(root).isDirectory()) {
      err(`netloom: ${dir}: no such lab folder.\n`);
      return undefined;
    }
    const made = Lab.create(nodeLabFiles(root), options);
    if (!made.ok) {
      printDiagnostics(`error in ${dir}`, made.errors);
      return undefined;
    }
    if (!quiet) printDiagnostics('warning', made.warnings);
    return made.lab;
  }
  const made = Lab.single('pc', options);
  if (!made.ok) {
    printDiagnostics('error', made.errors);
    return undefined;
  }
  return made.lab;
}

async function boot(lab: Lab): Promise<boolean> {
  const report = await lab.start();
  if ('error' in report) {
    err(`netloom: ${report.error}\n`);
    return false;
  }
  for (const c of report.crashed) err(`netloom: device ${c.device} crashed while booting: ${c.message}\n`);
  for (const s of report.slow) err(`netloom: device ${s}: startup scripts still running after the boot time limit.\n`);
  return true;
}

// --------------------------------------------------------------------------------------------- run

interface ExecSpec {
  device: string;
  command: string;
}

async function cmdRun(args: string[]): Promise<number> {
  const execs: string[] = [];
  let wait = 0;
  let json = false;
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--exec' || a === '-e') {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs 'DEV: COMMAND'.`);
      execs.push(v);
    } else if (a.startsWith('--exec=')) execs.push(a.slice(7));
    else if (a === '--wait' || a === '-w' || a.startsWith('--wait=')) {
      const v = a.startsWith('--wait=') ? a.slice(7) : args[++i];
      if (v === undefined || !/^\d+(\.\d+)?$/.test(v)) throw new UsageError(`--wait needs a number of seconds, got '${v ?? ''}'.`);
      wait = Number(v);
    } else if (a === '--json') json = true;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'.`);
    else if (dir === undefined) dir = a;
    else throw new UsageError(`unexpected argument '${a}' (one lab folder at most).`);
  }
  const lab = openLab(dir, labOptions(), json);
  if (!lab) return 1;
  const names = lab.model.devices.map((d) => d.name);
  const specs: ExecSpec[] = execs.map((e) => parseExec(e, names));
  lab.setMode('fast');
  if (!(await boot(lab))) return 1;
  if (wait > 0) await lab.advance(Math.round(wait * NS_PER_SEC));
  const results: { device: string; command: string; exitCode: number; output: string }[] = [];
  let status = 0;
  for (const spec of specs) {
    const r = await lab.exec(spec.device, spec.command, json ? {} : { onOutput: (b) => void process.stdout.write(b) });
    if (!r.ok) {
      err(`netloom: ${r.error}\n`);
      status = 1;
      results.push({ device: spec.device, command: spec.command, exitCode: 126, output: '' });
      continue;
    }
    if (r.timedOut) err(`netloom: '${spec.command}' on ${spec.device} did not end; killed.\n`);
    status = r.exitCode;
    results.push({ device: spec.device, command: spec.command, exitCode: r.exitCode, output: r.output });
  }
  if (json) out(`${JSON.stringify(results, null, 2)}\n`);
  return status;
}

function parseExec(text: string, devices: string[]): ExecSpec {
  const m = /^\s*([A-Za-z0-9_.-]+):(?:\s|$)([\s\S]*)$/.exec(text);
  if (m) {
    if (devices.includes(m[1]!)) return { device: m[1]!, command: m[2]! };
    throw new UsageError(`--exec '${text}': no device named '${m[1]}' (devices: ${devices.join(', ')}).`);
  }
  if (devices.length === 1) return { device: devices[0]!, command: text };
  throw new UsageError(`--exec '${text}': say which device, as 'DEV: COMMAND' (devices: ${devices.join(', ')}).`);
}

// ----------------------------------------------------------------------------------------- console

async function cmdConsole(args: string[]): Promise<number> {
  for (const a of args) if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'.`);
  if (args.length !== 0 && args.length !== 2) throw new UsageError('give both LABDIR and DEV, or neither.');
  const [dir, device = 'pc'] = args;
  const lab = openLab(dir);
  if (!lab) return 1;
  if (!lab.model.devices.some((d) => d.name === device)) {
    err(`netloom console: no device named '${device}' (devices: ${lab.model.devices.map((d) => d.name).join(', ')}).\n`);
    return 2;
  }
  lab.setMode('realtime');
  lab.on((e) => {
    if (e.device === device && e.state === 'crashed') err(`\r\nnetloom: ${device} crashed: ${e.message ?? ''}\r\n`);
  });
  err(`netloom: booting ${dir ?? 'pc'}...\n`);
  if (!(await boot(lab))) return 1;
  const stdin = process.stdin;
  const stdout = process.stdout;
  const size = { cols: stdout.columns || 80, rows: stdout.rows || 24 };
  const c = lab.openConsole(device, (bytes) => {
    stdout.write(bytes, () => console_?.ack(bytes.length));
  }, size);
  if ('ok' in c) {
    err(`netloom console: ${c.error}\n`);
    return 1;
  }
  const console_ = c;
  err(`Connected to ${device}. Ctrl-] leaves.\r\n`);
  const raw = stdin.isTTY === true;
  if (raw) stdin.setRawMode(true);
  stdin.resume();
  const left = new Promise<void>((done) => {
    stdin.on('data', (chunk: Buffer) => {
      const i = chunk.indexOf(0x1d);
      if (i >= 0) {
        if (i > 0) c.input(new Uint8Array(chunk.subarray(0, i)));
        done();
        return;
      }
      c.input(new Uint8Array(chunk));
    });
    // Piped input (no terminal): the console ends when the guest's shell does.
    stdin.on('end', () => { if (raw) done(); });
  });
  const onResize = (): void => c.resize(stdout.columns || 80, stdout.rows || 24);
  process.on('SIGWINCH', onResize);
  const status = await Promise.race([c.exited.then(() => 'exited' as const), left.then(() => 'left' as const)]);
  process.off('SIGWINCH', onResize);
  if (raw) stdin.setRawMode(false);
  stdin.pause();
  if (status === 'left') c.close();
  err(`\r\nnetloom: ${status === 'left' ? 'left the console' : 'console closed'}.\n`);
  lab.setMode('paused');
  return 0;
}

// ------------------------------------------------------------------------------------------- check

async function cmdCheck(args: string[]): Promise<number> {
  const specs: string[] = [];
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--spec') {
      const v = args[++i];
      if (v === undefined) throw new UsageError('--spec needs a JSON file.');
      specs.push(v);
    } else if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'.`);
    else if (dir === undefined) dir = a;
    else throw new UsageError(`unexpected argument '${a}'.`);
  }
  if (dir === undefined) throw new UsageError('check needs a lab folder.');
  const root = resolve(dir);
  const lab = openLab(dir);
  if (!lab) return 1;
  const files = nodeLabFiles(root);
  const specFiles = [
    ...(files.list('') ?? []).filter((e) => e.kind === 'file' && e.name.endsWith('.json')).map((e) => resolve(root, e.name)),
    ...specs.map((s) => resolve(s)),
  ];
  const parsed: { file: string; spec: unknown }[] = [];
  for (const f of specFiles) {
    let spec: unknown;
    try {
      spec = JSON.parse(readFileSync(f, 'utf8'));
    } catch (e) {
      if (specs.map((s) => resolve(s)).includes(f)) {
        err(`netloom check: ${f}: not a JSON file (${e instanceof Error ? e.message : String(e)}).\n`);
        return 2;
      }
      continue;
    }
    if (typeof spec === 'object' && spec !== null && 'test' in spec) parsed.push({ file: f, spec });
  }
  if (!lab.model.testFolder && parsed.length === 0) {
    out('No checks: the lab has no _test folder and no lab-checker configuration (give one with --spec FILE).\n');
    return 0;
  }
  lab.setMode('fast');
  if (!(await boot(lab))) return 1;
  const results: CheckResult[] = [...(await runNetkitTests(lab, files))];
  for (const p of parsed) {
    const wait = (p.spec as { convergence_time?: unknown }).convergence_time;
    if (typeof wait === 'number' && wait > 0) await lab.advance(wait * NS_PER_SEC);
    results.push(...(await runLabCheckerSpec(lab, p.spec as Parameters<typeof runLabCheckerSpec>[1])));
  }
  let failed = 0;
  const counts = { pass: 0, fail: 0, missing: 0 };
  for (const r of results) {
    counts[r.status]++;
    out(`${r.status.toUpperCase().padEnd(7)} ${r.name}\n`);
    if (r.detail) out(`${r.detail.replace(/^/gm, '        ')}\n`);
    if (r.status === 'fail') failed++;
  }
  out(`\n${counts.pass} passed, ${counts.fail} failed, ${counts.missing} not checked (not implemented).\n`);
  return failed > 0 ? 1 : 0;
}

// -------------------------------------------------------------------------------------- info, lstart

async function cmdInfo(args: string[]): Promise<number> {
  for (const a of args) if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'.`);
  if (args.length !== 1) throw new UsageError('info needs one lab folder.');
  const lab = openLab(args[0]);
  if (!lab) return 1;
  const m = lab.model;
  if (m.metadata.name) out(`Lab: ${m.metadata.name}${m.metadata.description ? ` (${m.metadata.description})` : ''}\n`);
  out(`Mode: ${m.mode}\n\nDevices:\n`);
  for (const d of lab.devices()) {
    out(`  ${d.name}  image ${d.image}${d.runs !== d.image ? ` (runs as ${d.runs})` : ''}\n`);
    for (const i of d.interfaces) out(`    ${i.name}  ${i.mac}  ${i.collisionDomain}\n`);
  }
  out('\nCollision domains:\n');
  for (const cd of lab.collisionDomains()) out(`  ${cd.name}: ${cd.members.join(' ')}\n`);
  const deps = Object.entries(m.dependencies);
  if (deps.length > 0) {
    out('\nlab.dep:\n');
    for (const [d, on] of deps) out(`  ${d} after ${on.join(', ')}\n`);
  }
  return 0;
}

async function cmdLstart(args: string[]): Promise<number> {
  const { dir, rest } = takeDir(args);
  if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'.`);
  const lab = openLab(dir);
  if (!lab) return 1;
  lab.setMode('fast');
  if (!(await boot(lab))) return 1;
  for (const d of lab.devices()) {
    out(`${d.name}: ${d.state}${d.message ? ` (${d.message})` : ''}\n`);
    const log = lab.guest(d.name)?.vfs.readFile('/var/log/startup.log');
    if (typeof log === 'string' && log !== '') out(log.replace(/^/gm, '  | ').replace(/ {2}\| $/, ''));
  }
  return lab.devices().some((d) => d.state === 'crashed') ? 1 : 0;
}
