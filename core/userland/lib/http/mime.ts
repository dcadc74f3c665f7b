// Content types by file name as Apache's mod_mime finds them: /etc/mime.types (TypesConfig) read into
// an extension table, AddType lines on top, and every dot-separated extension of the name looked up
// in turn (the last one known decides, so `a.html.txt` is text/plain), case-insensitively.

export class MimeTypes {
  private readonly byExt = new Map<string, string>();

  /** Loads a mime.types text: `type ext ext ...` lines, `#` comments. */
  static parse(text: string): MimeTypes {
    const m = new MimeTypes();
    for (const raw of text.split('\n')) {
      const line = raw.replace(/#.*/, '').trim();
      if (!line) continue;
      const [type, ...exts] = line.split(/\s+/);
      for (const e of exts) m.byExt.set(e.toLowerCase(), type!.toLowerCase());
    }
    return m;
  }

  /** AddType TYPE .ext ... */
  add(type: string, exts: readonly string[]): void {
    for (const e of exts) this.byExt.set(e.replace(/^\./, '').toLowerCase(), type);
  }

  /** RemoveType .ext ... */
  remove(exts: readonly string[]): void {
    for (const e of exts) this.byExt.delete(e.replace(/^\./, '').toLowerCase());
  }

  /** The type of a file name (its last path part), or null when no extension is known. */
  lookup(name: string): string | null {
    const base = name.slice(name.lastIndexOf('/') + 1);
    const parts = base.split('.').slice(1);
    let found: string | null = null;
    for (const p of parts) found = this.byExt.get(p.toLowerCase()) ?? found;
    return found;
  }
}
