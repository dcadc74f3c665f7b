// Builtins about the shell session: enable, disown, logout, suspend and fc.
import type { BuiltinTable } from './registry.ts';

export const sessionBuiltins: BuiltinTable = {};
