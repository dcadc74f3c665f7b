// How a line of text looks on a terminal: tabs expanded to tab stops, control characters as ^X, every
// other character one cell. Editors lay lines out cell by cell and map columns back to characters.

export interface Cells {
  /** What each screen cell shows. */
  text: string[];
  /** The index in the line of the character each cell belongs to. */
  index: number[];
}

/** Cells a character takes when it starts at display column `col`. */
export function charWidth(ch: string, col: number, tabstop: number): number {
  const c = ch.charCodeAt(0);
  if (c === 9) return tabstop - (col % tabstop);
  if (c < 0x20 || c === 0x7f) return 2;
  return 1;
}

/** The display column where character `index` starts. */
export function columnOf(line: string, index: number, tabstop: number): number {
  let col = 0;
  const end = Math.min(index, line.length);
  for (let i = 0; i < end; i++) col += charWidth(line[i]!, col, tabstop);
  return col + Math.max(0, index - line.length);
}

/** Display width of a whole line. */
export function lineWidth(line: string, tabstop: number): number {
  return columnOf(line, line.length, tabstop);
}

/** The index of the character covering display column `col` (line.length when past the end). */
export function indexAtColumn(line: string, col: number, tabstop: number): number {
  let c = 0;
  for (let i = 0; i < line.length; i++) {
    const w = charWidth(line[i]!, c, tabstop);
    if (col < c + w) return i;
    c += w;
  }
  return line.length;
}

/** Lays a line out in cells; `listTabs` shows tabs as ^I (vim's 'list'). */
export function layout(line: string, tabstop: number, listTabs = false): Cells {
  const text: string[] = [];
  const index: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    const c = ch.charCodeAt(0);
    if (c === 9 && !listTabs) {
      const w = charWidth(ch, text.length, tabstop);
      for (let k = 0; k < w; k++) {
        text.push(' ');
        index.push(i);
      }
    } else if (c < 0x20 || c === 0x7f) {
      text.push('^', c === 0x7f ? '?' : String.fromCharCode(c + 0x40));
      index.push(i, i);
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < line.length) {
      text.push(ch + line[i + 1]);
      index.push(i);
      i++;
    } else {
      text.push(ch);
      index.push(i);
    }
  }
  return { text, index };
}

/** Pads or cuts plain text to exactly `width` cells. */
export function fit(text: string, width: number): string {
  return text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length);
}
