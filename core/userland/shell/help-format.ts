// The texts the help builtin prints for a topic, in bash 5.2's layouts: the full text (`help NAME`, also
// `NAME --help`), the one-line description (`help -d`), the man page (`help -m`), and the table of every
// topic that `help` alone prints.
import { BASH_HELP_TOPICS, type HelpTopic } from '../lib/help/bash-builtins.ts';

/** The body, each line indented by four spaces; a body ending in a newline ends with an empty line, not indented. */
function indent(body: string): string {
  const lines = body.split('\n');
  return lines.map((l, i) => (i === lines.length - 1 && l === '' && i > 0 ? '\n' : `    ${l}\n`)).join('');
}
const firstLine = (t: HelpTopic): string => t.body.slice(0, (t.body.indexOf('\n') + 1 || t.body.length + 1) - 1);

/** `help NAME`. */
export function helpLong(t: HelpTopic): string {
  return `${t.name}: ${t.synopsis}\n${indent(t.body)}`;
}

/** `help -s NAME`. */
export function helpSynopsis(t: HelpTopic): string {
  return `${t.name}: ${t.synopsis}\n`;
}

/** `help -d NAME`. */
export function helpDescription(t: HelpTopic): string {
  return `${t.name} - ${firstLine(t)}\n`;
}

const VERSION_LINE = 'GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)';

/** The end of every `help -m` page. */
export const HELP_MAN_TAIL = `SEE ALSO\n    bash(1)\n\nIMPLEMENTATION\n    ${VERSION_LINE}\n` +
  '    Copyright (C) 2022 Free Software Foundation, Inc.\n' +
  '    License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>\n\n';

/** `help -m NAME`. */
export function helpManPage(t: HelpTopic): string {
  return `NAME\n    ${t.name} - ${firstLine(t)}\n\nSYNOPSIS\n    ${t.synopsis}\n\nDESCRIPTION\n${indent(t.body)}\n${HELP_MAN_TAIL}`;
}

export function helpTopic(name: string): HelpTopic | undefined {
  return BASH_HELP_TOPICS.find((t) => t.name === name);
}

export function helpTopics(): readonly HelpTopic[] {
  return BASH_HELP_TOPICS;
}

/** Where `help` cuts a synopsis in its table: half the width, at most 128, 40 when that leaves 3 or less. */
function cellWidth(columns: number): number {
  const half = Math.min(Math.floor(columns / 2), 128);
  return half <= 3 ? 40 : half;
}

/**
 * One cell of the table: a star for a disabled builtin, then the synopsis, in `room` characters (C locale): a
 * cell that needs room - 1 or more is cut to room - 1 and ends in '>'.
 */
function cell(t: HelpTopic, room: number, disabled: boolean): string {
  const text = (disabled ? '*' : ' ') + t.synopsis;
  return text.length >= room - 1 ? text.slice(0, room - 1) + '>' : text;
}

/** `help` without a pattern: the preamble, then every topic's synopsis in two columns. */
export function helpTable(columns: number, isDisabled: (name: string) => boolean): string {
  const width = cellWidth(columns);
  const topics = BASH_HELP_TOPICS;
  const rows = Math.ceil(topics.length / 2);
  let out = `${VERSION_LINE}\n` +
    "These shell commands are defined internally.  Type `help' to see this list.\n" +
    "Type `help name' to find out more about the function `name'.\n" +
    "Use `info bash' to find out more about the shell in general.\n" +
    "Use `man -k' or `info' to find out more about commands not in this list.\n\n" +
    'A star (*) next to a name means that the command is disabled.\n\n';
  for (let i = 0; i < rows; i++) {
    // The right column has one character less room than the left.
    const left = cell(topics[i]!, width - 1, isDisabled(topics[i]!.name));
    const right = topics[i + rows];
    out += right ? left.padEnd(width) + cell(right, width - 2, isDisabled(right.name)) + '\n' : left + '\n';
  }
  return out;
}
