// The bars of nano 7.2: the title bar (version, centred file name, " *" when modified), the status bar
// (centred "[ message ]" or a prompt) and the two shortcut lines, laid out in columns as nano does.

import { fit } from './layout.ts';

const REVERSE = '\x1b[7m';
const NORMAL = '\x1b[0m';

/** One column of the shortcut lines: the upper and the lower shortcut. */
export type ShortcutPair = [[string, string], [string, string] | null];

export const MAIN_SHORTCUTS: ShortcutPair[] = [
  [['^G', 'Help'], ['^X', 'Exit']],
  [['^O', 'Write Out'], ['^R', 'Read File']],
  [['^W', 'Where Is'], ['^\\', 'Replace']],
  [['^K', 'Cut'], ['^U', 'Paste']],
  [['^T', 'Execute'], ['^J', 'Justify']],
  [['^C', 'Location'], ['^/', 'Go To Line']],
  [['M-U', 'Undo'], ['M-E', 'Redo']],
  [['M-A', 'Set Mark'], ['M-6', 'Copy']],
];
export const WRITE_SHORTCUTS: ShortcutPair[] = [
  [['^G', 'Help'], ['^C', 'Cancel']],
  [['M-D', 'DOS Format'], ['M-M', 'Mac Format']],
  [['M-A', 'Append'], ['M-P', 'Prepend']],
  [['M-B', 'Backup File'], ['^T', 'Browse']],
];
export const SEARCH_SHORTCUTS: ShortcutPair[] = [
  [['^G', 'Help'], ['^C', 'Cancel']],
  [['M-C', 'Case Sens'], ['M-R', 'Reg.exp.']],
  [['M-B', 'Backwards'], ['^R', 'Replace']],
  [['^P', 'Older'], ['^N', 'Newer']],
  [['^T', 'Go To Line'], null],
];
export const GOTO_SHORTCUTS: ShortcutPair[] = [
  [['^G', 'Help'], ['^C', 'Cancel']],
  [['^W', 'Begin of Paragr.'], ['^O', 'End of Paragraph']],
  [['^Y', 'First Line'], ['^V', 'Last Line']],
  [['^T', 'Go To Text'], null],
];
export const CANCEL_SHORTCUTS: ShortcutPair[] = [[['^G', 'Help'], ['^C', 'Cancel']]];
export const YES_NO: ShortcutPair[] = [[[' Y', 'Yes'], [' N', 'No']], [['', ''], ['^C', 'Cancel']]];
export const YES_NO_ALL: ShortcutPair[] = [[[' Y', 'Yes'], [' N', 'No']], [[' A', 'All'], ['^C', 'Cancel']]];

export function titleBar(cols: number, name: string, modified: boolean): string {
  const version = '  GNU nano 7.2';
  const shown = name === '' ? 'New Buffer' : name;
  const row = Array<string>(cols).fill(' ');
  const put = (text: string, at: number) => {
    for (let i = 0; i < text.length && at + i < cols; i++) if (at + i >= 0) row[at + i] = text[i]!;
  };
  const start = Math.max(0, Math.floor((cols + 5 - shown.length) / 2));
  if (start > version.length) put(version, 0);
  put(shown + (modified ? ' *' : ''), start);
  return REVERSE + row.join('') + NORMAL;
}

export function messageBar(cols: number, message: string): string {
  const text = `[ ${message} ]`.slice(0, cols);
  const start = Math.max(0, Math.floor((cols - text.length) / 2));
  return ' '.repeat(start) + REVERSE + text + NORMAL;
}

export function promptBar(cols: number, text: string): string {
  return REVERSE + fit(text, cols) + NORMAL;
}

/** The two shortcut lines; `itemWidth` forces nano's fixed width for yes/no prompts. */
export function shortcutLines(cols: number, pairs: readonly ShortcutPair[], itemWidth?: number): [string, string] {
  const perRow = Math.max(1, Math.min(pairs.length, itemWidth ? pairs.length : Math.floor(cols / 12) || 1));
  const width = itemWidth ?? Math.floor(cols / perRow);
  const lines: [string, string] = ['', ''];
  for (let half = 0; half < 2; half++) {
    let used = 0;
    for (let i = 0; i < perRow; i++) {
      const item = pairs[i]![half];
      if (used + 2 > cols) break;
      const room = Math.min(width, cols - used);
      if (!item || item[0] === '') {
        lines[half] += ' '.repeat(room);
        used += room;
        continue;
      }
      const [key, label] = item;
      const rest = (' ' + label).slice(0, Math.max(0, room - key.length));
      const last = i === perRow - 1;
      lines[half] += REVERSE + key + NORMAL + (last ? rest : fit(rest, room - key.length));
      used += room;
    }
  }
  return lines;
}
