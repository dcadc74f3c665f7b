export const MISC_CASES = [];
