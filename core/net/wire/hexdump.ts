// The hex-and-ASCII dump tcpdump appends for payloads it cannot decode (print-ascii.c layout:
// "\n\t0x0000:  " then eight 16-bit groups, two spaces, and the printable characters).

export function formatHexAscii(bytes: Uint8Array): string {
  return formatHexDump(bytes, true);
}

/** The dump of -x (`ascii` false: the groups alone, unpadded) or -X (`ascii` true). */
export function formatHexDump(bytes: Uint8Array, ascii: boolean): string {
  let out = '';
  for (let line = 0; line < bytes.length; line += 16) {
    const chunk = bytes.subarray(line, Math.min(line + 16, bytes.length));
    let hex = '';
    let text = '';
    for (let i = 0; i < chunk.length; i++) {
      if (i > 0 && i % 2 === 0) hex += ' ';
      hex += chunk[i]!.toString(16).padStart(2, '0');
      const c = chunk[i]!;
      // Only graphic characters (0x21..0x7e) are shown; tcpdump prints a space as '.'.
      text += c > 0x20 && c < 0x7f ? String.fromCharCode(c) : '.';
    }
    out += `\n\t0x${line.toString(16).padStart(4, '0')}:  ${ascii ? `${hex.padEnd(39, ' ')}  ${text}` : hex}`;
  }
  return out;
}
