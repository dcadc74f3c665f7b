// Backslash escapes of `echo -e` and printf's %b: \a \b \c \e \f \n \r \t \v \\ \0NNN \xHH.

export function expandEchoEscapes(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i]!;
    switch (n) {
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'c': return { text: out, stop: true };
      case 'e': case 'E': out += '\x1b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case '\\': out += '\\'; break;
      case '0': {
        let j = i + 1;
        let v = 0;
        while (j < s.length && j < i + 4 && /[0-7]/.test(s[j]!)) v = v * 8 + Number(s[j++]);
        out += String.fromCharCode(v & 0xff);
        i = j - 1;
        break;
      }
      case 'x': {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
        if (!m) {
          out += '\\x';
          break;
        }
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
        break;
      }
      default: out += '\\' + n;
    }
  }
  return { text: out, stop: false };
}

/** What `echo ARGS` prints (GNU echo and bash's builtin): -n, -e, -E, then the words joined by spaces. */
export function echoText(args: readonly string[], escapesByDefault = false): string {
  let newline = true;
  let escapes = escapesByDefault;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (!/^-[neE]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const r = expandEchoEscapes(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  return newline ? text + '\n' : text;
}
