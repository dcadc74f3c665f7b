// procps 4.0.2 sysctl(8): reads and writes kernel parameters under /proc/sys (keys dotted or slashed),
// lists trees (-a, a directory key, -r), loads files (-p, --system), with procps' messages and statuses.
import { EACCES, ENOENT, O_WRONLY, O_TRUNC, isDir, utf8Encode, type Program, type Sys } from '../../kernel/abi.ts';
import { Cmd } from '../lib/cmd.ts';
import { strerror } from '../lib/errno.ts';
import { getopt, type LongOpt } from '../lib/getopt.ts';
import { readFileText } from '../lib/io.ts';
import { listNames } from '../lib/paths.ts';
import { PROC_SYS, SYSTEM_CONF, SYSTEM_DIRS, isDeprecated, keyPaths, parseConf, pathName, type Setting } from '../lib/net/sysctl-keys.ts';

const USAGE = `
Usage:
 sysctl [options] [variable[=value] ...]

Options:
  -a, --all            display all variables
  -A                   alias of -a
  -X                   alias of -a
      --deprecated     include deprecated parameters to listing
      --dry-run        Print the key and values but do not write
  -b, --binary         print value without new line
  -e, --ignore         ignore unknown variables errors
  -N, --names          print variable names without values
  -n, --values         print only values of the given variable(s)
  -p, --load[=<file>]  read values from file
  -f                   alias of -p
      --system         read values from all system directories
  -r, --pattern <expression>
                       select setting that match expression
  -q, --quiet          do not echo variable set
  -w, --write          enable writing a value to variable
  -o                   does nothing
  -x                   does nothing
  -d                   alias of -h

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see sysctl(8).
`;

const LONGS: LongOpt[] = [
  { name: 'all', key: 'a' }, { name: 'deprecated' }, { name: 'dry-run' }, { name: 'binary', key: 'b' },
  { name: 'ignore', key: 'e' }, { name: 'names', key: 'N' }, { name: 'values', key: 'n' },
  { name: 'load', arg: 'optional', key: 'p' }, { name: 'system' }, { name: 'pattern', arg: 'required', key: 'r' },
  { name: 'quiet', key: 'q' }, { name: 'write', key: 'w' }, { name: 'help', key: 'h' }, { name: 'version', key: 'V' },
];

interface Flags {
  names: boolean;
  values: boolean;
  binary: boolean;
  ignore: boolean;
  quiet: boolean;
  dryRun: boolean;
  deprecated: boolean;
  pattern: RegExp | null;
}

class Sysctl extends Cmd {
  rc = 0;
  constructor(sys: Sys, argv: readonly string[], envp: readonly string[], readonly f: Flags) {
    super(sys, argv, envp);
  }

  /** Prints one parameter (or, for a directory, every parameter below it). */
  async show(key: string): Promise<void> {
    if (key.includes('..')) await this.error(`separators should not be repeated: ${key.slice(key.indexOf('..'))}`);
    const { path, name } = keyPaths(key);
    const st = this.sys.stat(path);
    if (typeof st === 'number') {
      if (!this.f.ignore) {
        await this.error(`cannot stat ${path}: ${strerror(st)}`);
        this.rc = 1;
      }
      return;
    }
    if (isDir(st.mode)) return this.walk(path.replace(/\/+$/, ''));
    await this.print(path, name, false);
  }

  async walk(dir: string): Promise<void> {
    const names = listNames(this.sys, dir);
    if (typeof names === 'number') return;
    for (const n of names.sort()) {
      const path = `${dir}/${n}`;
      const st = this.sys.stat(path);
      if (typeof st === 'number') continue;
      if (isDir(st.mode)) {
        await this.walk(path);
        continue;
      }
      const name = pathName(path);
      if (!this.f.deprecated && isDeprecated(name)) continue;
      if (this.f.pattern && !this.f.pattern.test(name)) continue;
      await this.print(path, name, true);
    }
  }

  async print(path: string, name: string, listing: boolean): Promise<void> {
    const st = this.sys.stat(path);
    if (typeof st !== 'number' && (st.mode & 0o444) === 0) {
      if (!listing) await this.error(`permission denied on key '${name}'`);
      return;
    }
    if (this.f.names) {
      await this.put(`${name}\n`);
      return;
    }
    const text = await readFileText(this.sys, path);
    if (typeof text === 'number') {
      if (text === -EACCES) await this.error(`permission denied on key '${name}'`);
      else if (!listing || text !== -ENOENT) await this.error(`reading key "${name}"`);
      return;
    }
    const value = text.endsWith('\n') ? text.slice(0, -1) : text;
    if (this.f.binary) await this.out.write(value);
    else if (this.f.values) await this.out.write(`${value}\n`);
    else for (const line of value.split('\n')) await this.out.write(`${name} = ${line}\n`);
  }

  /** Writes one parameter; prints "name = value" unless -q. */
  async write(s: Setting): Promise<void> {
    if (s.key === '') {
      if (s.value !== '') {
        await this.error(`Path is not under ${PROC_SYS}: ${PROC_SYS}`);
      }
      this.rc = 1;
      return;
    }
    if (s.key.includes('..')) await this.error(`separators should not be repeated: ${s.key.slice(s.key.indexOf('..'))}`);
    const { path, name } = keyPaths(s.key);
    const st = this.sys.stat(path);
    if (typeof st === 'number') {
      if (!this.f.ignore) {
        await this.error(`cannot stat ${path}: ${strerror(st)}`);
        this.rc = 1;
      }
      return;
    }
    // procps warns with a stale errno and leaves the status alone for these two.
    if ((st.mode & 0o200) === 0 || isDir(st.mode)) {
      await this.error(`setting key "${name}": ${strerror(22)}`);
      return;
    }
    if (!this.f.dryRun) {
      const fd = this.sys.open(path, O_WRONLY | O_TRUNC);
      let r = fd;
      if (fd >= 0) {
        r = await this.sys.write(fd, utf8Encode(s.value));
        this.sys.close(fd);
      }
      if (r < 0 || s.value === '') {
        const e = r < 0 ? r : -22;
        if (e === -ENOENT) {
          if (!this.f.ignore) await this.error(`cannot stat ${path}: ${strerror(e)}`);
        } else if (e === -EACCES) await this.error(`permission denied on key "${name}"`);
        else await this.error(`setting key "${name}": ${strerror(e)}`);
        this.rc = 1;
        return;
      }
    }
    if (this.f.quiet) return;
    if (this.f.binary) await this.out.write(s.value);
    else if (this.f.values) await this.out.write(`${s.value}\n`);
    else if (this.f.names) await this.out.write(`${name}\n`);
    else await this.out.write(`${name} = ${s.value}\n`);
  }

  /** -p FILE: parse the whole file (syntax errors first), then apply in order. */
  async load(file: string, announce: boolean): Promise<Setting[] | null> {
    const text = await readFileText(this.sys, file);
    if (typeof text === 'number') {
      if (isDirErr(text)) return [];
      await this.error(`cannot open "${file}": ${strerror(text)}`);
      this.rc = 1;
      return null;
    }
    if (announce) await this.out.write(`* Applying ${file} ...\n`);
    const { settings, bad } = parseConf(text);
    for (const n of bad) {
      await this.error(`${file}(${n}): invalid syntax, continuing...`);
      this.rc = 1;
    }
    return settings;
  }

  /** --system: *.conf of every system directory by name (first directory wins), then /etc/sysctl.conf. */
  async system(): Promise<void> {
    const chosen = new Map<string, string>();
    for (const dir of SYSTEM_DIRS) {
      const names = listNames(this.sys, dir);
      if (typeof names === 'number') continue;
      for (const n of names) if (n.endsWith('.conf') && !chosen.has(n)) chosen.set(n, `${dir}/${n}`);
    }
    const files = [...chosen.keys()].sort().map((n) => chosen.get(n)!);
    if (typeof this.sys.stat(SYSTEM_CONF) !== 'number') files.push(SYSTEM_CONF);
    const all: Setting[] = [];
    for (const file of files) all.push(...((await this.load(file, true)) ?? []));
    for (const s of all) await this.write(s);
  }
}

const isDirErr = (e: number): boolean => e === -21;

export const main: Program = async (sys, argv, envp) => {
  const flags: Flags = { names: false, values: false, binary: false, ignore: false, quiet: false, dryRun: false, deprecated: false, pattern: null };
  const p = new Sysctl(sys, argv, envp, flags);
  const g = getopt(argv, 'bneNwfp::qoxaAXr:hdV', LONGS);
  if (g.error) {
    await p.error(g.error);
    await p.err.write(USAGE);
    return p.finish(0);
  }
  let write = false;
  let all = false;
  let load: string | null = null;
  let system = false;
  for (const o of g.opts) {
    switch (o.key) {
      case 'b': flags.binary = true; break;
      case 'n': flags.values = true; break;
      case 'e': flags.ignore = true; break;
      case 'N': flags.names = true; break;
      case 'w': write = true; break;
      case 'f': case 'p': load = o.value ?? '/etc/sysctl.conf'; break;
      case 'q': flags.quiet = true; break;
      case 'a': case 'A': case 'X': all = true; break;
      case 'r': {
        try {
          flags.pattern = new RegExp(o.value ?? '');
        } catch {
          await p.error(`Failed to compile pattern: ${o.value}`);
          return p.finish(1);
        }
        break;
      }
      case 'deprecated': flags.deprecated = true; break;
      case 'dry-run': flags.dryRun = true; break;
      case 'system': system = true; break;
      case 'h': case 'd':
        await p.out.write(USAGE);
        return p.finish(0);
      case 'V':
        await p.out.write('sysctl from procps-ng 4.0.2\n');
        return p.finish(0);
      default: break;
    }
  }
  if (system) {
    await p.system();
    return p.finish(p.rc);
  }
  if (load !== null) {
    const files = g.operands.length ? g.operands : [load];
    for (const file of files) {
      const settings = await p.load(file, false);
      for (const s of settings ?? []) await p.write(s);
    }
    return p.finish(p.rc);
  }
  if (all) {
    await p.walk(PROC_SYS.slice(0, -1));
    return p.finish(p.rc);
  }
  if (g.operands.length === 0) {
    if (write) {
      await p.error('no variables specified');
      await p.err.write("Try `sysctl --help' for more information.\n");
      return p.finish(1);
    }
    await p.err.write(USAGE);
    return p.finish(1);
  }
  for (const arg of g.operands) {
    const eq = arg.indexOf('=');
    if (eq < 0 && write) {
      await p.error('command line(0): invalid syntax, continuing...');
      p.rc = 1;
    } else if (eq < 0) await p.show(arg.trim());
    else await p.write({ key: arg.slice(0, eq).trim(), value: arg.slice(eq + 1).trim() });
  }
  return p.finish(p.rc);
};
