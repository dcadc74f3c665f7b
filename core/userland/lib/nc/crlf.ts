// nc -C: line feeds read from stdin go out as CR LF. As in netcat, a line feed that already follows a
// carriage return in the same read is left alone; one read ending in CR and the next starting with LF
// still gets a CR added (netcat looks at one read at a time).

export function crlf(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  data.forEach((b, i) => {
    if (b === 10 && (i === 0 || data[i - 1] !== 13)) out.push(13);
    out.push(b);
  });
  return Uint8Array.from(out);
}
