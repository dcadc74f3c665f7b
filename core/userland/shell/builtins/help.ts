// The help builtin, and --help for the builtins that take it.
import type { BuiltinTable } from './registry.ts';

export const helpBuiltins: BuiltinTable = {};
