// Programmable completion: compgen, complete and compopt.
import type { BuiltinTable } from './registry.ts';

export const completionBuiltins: BuiltinTable = {};
