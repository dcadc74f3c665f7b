// Open consoles: one tab per device console, shown docked as tabs or tiled side by side. The list (with
// each console's server id) is kept in localStorage so a reloaded page reattaches to the same shells.

export interface ConsoleTab {
  key: string;
  lab: string;
  device: string;
  /** The server's console id, once opened (used to reattach after a reload). */
  consoleId?: string;
  /** Why the console ended, once it has. */
  ended?: string;
  /** Bumped to reconnect an ended console. */
  generation: number;
}

const STORAGE_KEY = 'netloom.consoles';

function load(): { tabs: ConsoleTab[]; active: string | null; tiled: boolean; height: number } {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '') as { tabs?: ConsoleTab[]; active?: string; tiled?: boolean; height?: number };
    return { tabs: (raw.tabs ?? []).map((t) => ({ ...t, generation: 0 })), active: raw.active ?? null, tiled: raw.tiled === true, height: raw.height ?? 320 };
  } catch {
    return { tabs: [], active: null, tiled: false, height: 320 };
  }
}

export const consoles = $state(load());

function persist(): void {
  const tabs = consoles.tabs.filter((t) => !t.ended).map(({ key, lab, device, consoleId }) => ({ key, lab, device, consoleId }));
  localStorage.setItem(STORAGE_KEY, JSON.stringify({ tabs, active: consoles.active, tiled: consoles.tiled, height: consoles.height }));
}

export function tabsOf(lab: string | null): ConsoleTab[] {
  return consoles.tabs.filter((t) => t.lab === lab);
}

/** Shows the device's console, opening one when it has none (or only an ended one). */
export function openConsole(lab: string, device: string): void {
  const existing = consoles.tabs.find((t) => t.lab === lab && t.device === device);
  if (existing) {
    if (existing.ended) {
      existing.ended = undefined;
      existing.consoleId = undefined;
      existing.generation++;
    }
    consoles.active = existing.key;
  } else {
    const key = `${lab}/${device}/${Date.now().toString(36)}`;
    consoles.tabs.push({ key, lab, device, generation: 0 });
    consoles.active = key;
  }
  persist();
}

export function setConsoleId(key: string, id: string): void {
  const t = consoles.tabs.find((x) => x.key === key);
  if (t) t.consoleId = id;
  persist();
}

export function markEnded(key: string, reason: string): void {
  const t = consoles.tabs.find((x) => x.key === key);
  if (t) t.ended = reason;
  persist();
}

export function closeTab(key: string): void {
  const i = consoles.tabs.findIndex((t) => t.key === key);
  if (i < 0) return;
  consoles.tabs.splice(i, 1);
  if (consoles.active === key) consoles.active = consoles.tabs[Math.min(i, consoles.tabs.length - 1)]?.key ?? null;
  persist();
}

export function activate(key: string): void {
  consoles.active = key;
  persist();
}

export function setTiled(on: boolean): void {
  consoles.tiled = on;
  persist();
}

export function setHeight(px: number): void {
  consoles.height = Math.max(140, Math.min(px, window.innerHeight - 160));
  persist();
}

/** When a lab stops, its consoles end (their shells are gone). */
export function endLabConsoles(lab: string, reason: string): void {
  for (const t of consoles.tabs) if (t.lab === lab && !t.ended) t.ended = reason;
  persist();
}
