// The prompts of an interactive shell (PS1, PS2): backslash escapes, then parameter, command and
// arithmetic expansion (promptvars), the parse of a prompt's text kept per shell and shared per image.

import type { Word } from './ast.ts';
import { parseScript } from './parse.ts';
import { expandPrompt } from './prompt.ts';
import type { PromptParse, Shell } from './shell.ts';
import { expandQuick, expandString } from './expand.ts';

/**
 * A prompt: backslash escapes, then (promptvars) parameter, command and arithmetic expansion. A prompt
 * whose expansions run nothing (the usual ${debian_chroot:+...}) is made without an asynchronous call.
 */
export function promptString(sh: Shell, ps: string): string | Promise<string> {
  const text = expandPrompt(sh, ps);
  if (!sh.shopts['promptvars'] || !/[$`]/.test(text)) return text;
  // The same prompt text is parsed once per shell (it is shown before every command).
  let parse = sh.promptParse;
  if (sh.promptText !== text || parse === null) {
    parse = sh.promptParse = promptParse(sh, text);
    sh.promptText = text;
  }
  if (!parse.word) return text;
  const quick = expandQuick(sh, parse.word);
  if (quick !== null) return parse.tail ? quick + parse.tail : quick;
  return promptExpanded(sh, parse, text);
}

async function promptExpanded(sh: Shell, parse: PromptParse, text: string): Promise<string> {
  try {
    const head = await expandString(sh, parse.word!);
    return parse.tail ? head + parse.tail : head;
  } catch {
    return text;
  }
}

/** The shared cache space of parsed prompt texts. */
const PROMPT_CACHE = 'bash-prompt';

/**
 * The prompt text parsed as the inside of a double-quoted string. Text after the last expansion that
 * has no `$ \` \\ "` in it is plain text there: it is kept as the tail, to be added to what the parse of
 * the rest expands to, and that parse is shared by the guests of the image (prompts differ in host names,
 * directories).
 */
function promptParse(sh: Shell, text: string): PromptParse {
  let cut = text.length;
  while (cut > 0 && !'$`\\"})'.includes(text[cut - 1]!)) cut--;
  if (cut === 0 || cut === text.length || (text[cut - 1] !== '}' && text[cut - 1] !== ')')) return { word: parsePromptText(text), tail: '' };
  const cache = sh.sys.sharedCache(PROMPT_CACHE);
  const head = text.slice(0, cut);
  let shared = cache.get(head) as Word | null | undefined;
  if (shared === undefined) {
    shared = parsePromptText(head);
    cache.set(head, shared);
  }
  if (!shared || shared.parts.length !== 1 || shared.parts[0]!.type !== 'DoubleQuoted') return { word: parsePromptText(text), tail: '' };
  return { word: shared, tail: text.slice(cut) };
}

function parsePromptText(text: string): Word | null {
  const parsed = parseScript(`: "${text.replace(/(["\\])/g, '\\$1')}"`);
  const cmd = parsed.list.items[0]?.command.first.commands[0];
  return parsed.error || cmd?.type !== 'SimpleCommand' || !cmd.words[1] ? null : cmd.words[1];
}
