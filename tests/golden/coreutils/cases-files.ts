export const FILE_CASES = [];
