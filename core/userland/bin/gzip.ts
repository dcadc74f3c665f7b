// gzip(1) 1.12, also run as gunzip and zcat: compress or decompress files in place (FILE <-> FILE.gz,
// keeping mode and mtime) or to stdout (-c); -d -k -f -l -t -n -N -q -v -1..-9. The .gz files are
// standard (real gzip reads them); the compressed bytes differ from gzip's own encoder.
import { O_CREAT, O_EXCL, O_TRUNC, O_WRONLY, isDir, isReg, type Program } from '../../kernel/abi.ts';
import { strerror } from '../lib/errno.ts';
import { getopt } from '../lib/getopt.ts';
import { gzipDecode, gzipEncode } from '../lib/gzip-format.ts';
import { GUNZIP_HELP, GUNZIP_VERSION, GZIP_HELP, GZIP_VERSION, ZCAT_HELP, ZCAT_VERSION } from '../lib/help/gzip.ts';
import { readAll, writeAll } from '../lib/io.ts';
import { Proc } from '../lib/program.ts';
import { MONTHS, gmtime } from '../lib/time.ts';

export const main: Program = async (sys, argv, envp) => {
  const prog = (argv[0] ?? 'gzip').split('/').pop()!;
  const p = new Proc(sys, argv, envp, 'gzip');
  if ((prog === 'gunzip' || prog === 'zcat') && (argv[1] === '--help' || argv[1] === '--version')) {
    // gunzip and zcat are shell scripts that answer a first --help or --version themselves (the usage
    // names $0, the script's path) and otherwise run gzip -d or gzip -cd.
    const path = argv[0]!.includes('/') ? argv[0]! : `/usr/bin/${prog}`;
    const texts = prog === 'gunzip' ? [GUNZIP_HELP, GUNZIP_VERSION] : [ZCAT_HELP, ZCAT_VERSION];
    await p.out.write(argv[1] === '--help' ? texts[0]!.replace(`/usr/bin/${prog}`, path) : texts[1]!);
    return p.finish(0);
  }
  const r = getopt(argv, 'cdfhHklLnNqrStvV123456789', [{ name: 'stdout', key: 'c' }, { name: 'to-stdout', key: 'c' },
    { name: 'decompress', key: 'd' }, { name: 'uncompress', key: 'd' }, { name: 'force', key: 'f' }, { name: 'help', key: 'h' },
    { name: 'keep', key: 'k' }, { name: 'list', key: 'l' }, { name: 'no-name', key: 'n' }, { name: 'name', key: 'N' },
    { name: 'quiet', key: 'q' }, { name: 'test', key: 't' }, { name: 'verbose', key: 'v' }, { name: 'version', key: 'V' },
    { name: 'fast', key: '1' }, { name: 'best', key: '9' }]);
  // gzip acts on -h and -V as its option loop meets them, before a later bad option.
  for (const o of r.opts) {
    if (o.key === 'h' || o.key === 'H' || o.key === 'V') {
      await p.out.write(o.key === 'V' ? GZIP_VERSION : GZIP_HELP);
      return p.finish(0);
    }
  }
  if (r.error) {
    await p.error(r.error);
    await p.err.write("Try `gzip --help' for more information.\n");
    return p.finish(1);
  }
  const has = (k: string): boolean => r.opts.some((o) => o.key === k);
  let level = 6;
  for (const o of r.opts) if (/^[1-9]$/.test(o.key)) level = Number(o.key);
  const decompress = has('d') || prog === 'gunzip' || prog === 'zcat' || has('t') || has('l');
  const toStdout = has('c') || prog === 'zcat' || has('t');
  const force = has('f');
  const keep = has('k') || toStdout;
  const quiet = has('q');
  const files = r.operands.length ? r.operands : ['-'];
  let status = 0;
  const warn = async (msg: string): Promise<void> => {
    if (!quiet) await p.error(msg);
    if (status === 0) status = 2;
  };
  let listed = false;
  let totals = [0, 0];
  for (const given of files) {
    const fromStdin = given === '-';
    let f = given;
    if (!fromStdin && decompress && sys.stat(f) === -2 && !/\.(gz|tgz|z)$/i.test(f)) f += '.gz';
    if (!fromStdin) {
      const st = sys.stat(f);
      if (typeof st === 'number') {
        await p.error(`${f}: ${strerror(st)}`);
        status = 1;
        continue;
      }
      if (isDir(st.mode)) {
        await warn(`${f} is a directory -- ignored`);
        continue;
      }
      if (!isReg(st.mode) && !force) {
        await warn(`${f} is not a directory or a regular file - ignored`);
        continue;
      }
    }
    if (!decompress && !fromStdin && /\.(gz|tgz|z|taz)$/i.test(f) && !force) {
      if (!quiet) await p.error(`${f} already has .gz suffix -- unchanged`);
      continue;
    }
    if (decompress && !fromStdin && !toStdout && !/\.(gz|tgz|z)$/i.test(f)) {
      await warn(`${f}: unknown suffix -- ignored`);
      continue;
    }
    if (!decompress && (fromStdin || toStdout) && sys.isatty(1) && !force) {
      await p.error('compressed data not written to a terminal. Use -f to force compression.');
      await p.err.write(`For help, type: ${prog} -h\n`);
      return p.finish(1);
    }
    const fd = fromStdin ? 0 : sys.open(f, 0);
    if (fd < 0) {
      await p.error(`${f}: ${strerror(fd)}`);
      status = 1;
      continue;
    }
    const data = await readAll(sys, fd);
    const st = sys.fstat(fd);
    if (!fromStdin) sys.close(fd);
    if (typeof data === 'number' || typeof st === 'number') {
      await p.error(`${f}: ${strerror(typeof data === 'number' ? data : -5)}`);
      status = 1;
      continue;
    }
    await sys.yield();
    const shown = fromStdin ? 'stdin' : f;
    let out: Uint8Array;
    let outName = '';
    if (decompress) {
      if (fromStdin && data.length === 0 && !has('l')) {
        await p.error('stdin: unexpected end of file');
        status = 1;
        continue;
      }
      const d = gzipDecode(data);
      if ('error' in d) {
        if (d.error === 'format') await p.error(`${shown}: not in gzip format`);
        else if (d.error === 'eof') await p.error(`${shown}: unexpected end of file`);
        else await p.error(`${shown}: invalid compressed data--${d.error === 'crc' ? 'crc error' : 'length error'}`);
        status = 1;
        continue;
      }
      if (has('l')) {
        if (!listed) await p.out.write(has('v') ? 'method  crc     date  time           compressed        uncompressed  ratio uncompressed_name\n'
          : '         compressed        uncompressed  ratio uncompressed_name\n');
        listed = true;
        const name = fromStdin ? '' : f.replace(/\.(gz|z)$/i, '').replace(/\.tgz$/i, '.tar');
        const m0 = d.members[0]!;
        const body = data.length - 18 - (m0.name === null ? 0 : m0.name.length + 1);
        const line = listLine(data.length, d.data.length, name, body);
        if (has('v')) {
          const m = d.members[0]!;
          const t = gmtime((Number(st.mtime) / 1e9) * 1e9);
          const when = `${MONTHS[t.month]} ${String(t.day).padStart(2)} ${String(t.hour).padStart(2, '0')}:${String(t.min).padStart(2, '0')}`;
          await p.out.write(`defla ${m.crc.toString(16).padStart(8, '0')} ${when} ${line}`);
        } else await p.out.write(line);
        totals = [totals[0]! + data.length, totals[1]! + d.data.length];
        continue;
      }
      if (has('t')) continue;
      out = d.data;
      outName = f.replace(/\.(gz|z)$/i, '').replace(/\.tgz$/i, '.tar');
    } else {
      out = gzipEncode(data, { name: fromStdin || has('n') ? undefined : f.split('/').pop(), mtime: fromStdin || has('n') ? 0 : Math.floor(st.mtime / 1e9), level });
      outName = f + '.gz';
    }
    if (fromStdin || toStdout) {
      const w = await writeAll(sys, 1, out);
      if (w < 0) {
        await p.error(`stdout: ${strerror(w)}`);
        return p.finish(1);
      }
      continue;
    }
    let ofd = sys.open(outName, O_WRONLY | O_CREAT | O_EXCL, 0o600);
    if (ofd === -17) {
      if (!force) {
        await warn(`${outName} already exists;\tnot overwritten`);
        continue;
      }
      ofd = sys.open(outName, O_WRONLY | O_CREAT | O_TRUNC, 0o600);
    }
    if (ofd < 0) {
      await p.error(`${outName}: ${strerror(ofd)}`);
      status = 1;
      continue;
    }
    const w = await writeAll(sys, ofd, out);
    sys.close(ofd);
    if (w < 0) {
      await p.error(`${outName}: ${strerror(w)}`);
      status = 1;
      continue;
    }
    sys.chmod(outName, st.mode & 0o7777);
    sys.chown(outName, st.uid, st.gid);
    sys.utimens(outName, st.atime, st.mtime);
    if (has('v') && !quiet) {
      const ratio = decompress ? ratioText(out.length, data.length) : ratioText(data.length, out.length);
      await p.err.write(`${f}:\t${ratio} -- ${decompress ? 'replaced' : 'replaced'} with ${outName}\n`);
    }
    if (!keep) sys.unlink(f);
  }
  if (has('l') && has('v') === false && files.length > 1 && listed) {
    await p.out.write(listLine(totals[0]!, totals[1]!, '(totals)'));
  }
  return p.finish(status);
};

/** gzip -l's columns: compressed and uncompressed sizes in 19 columns, the ratio, the name. */
function listLine(compressed: number, size: number, name: string, body = compressed): string {
  return `${String(compressed).padStart(19)} ${String(size).padStart(19)} ${ratioText(size, body).padStart(5)} ${name}\n`;
}

/** The saved fraction as gzip prints it, "-16.7%", one decimal, truncated toward zero. */
function ratioText(size: number, compressed: number): string {
  if (size === 0) return '0.0%';
  const permille = Math.trunc(((size - compressed) * 1000) / size);
  const sign = permille < 0 ? '-' : '';
  const a = Math.abs(permille);
  return `${sign}${Math.floor(a / 10)}.${a % 10}%`;
}
