// The environment every bash golden case runs with, on the host (record.ts) and in the guest.
export const CASE_ENV: Record<string, string> = { LANG: 'C', LC_ALL: 'C', TZ: 'UTC', HOME: '/root' };
