/**
 * Minimal, safe XML text helpers for the streaming scanners. Only the five predefined entities and
 * character references are decoded; entities declared in a DTD are never expanded, so entity bombs
 * ("billion laughs") and external entities cannot do anything.
 */
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,4});/g, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return PREDEFINED[e] ?? m;
  });
}

/** The raw (undecoded) value of attribute `name` in a start tag, or undefined. */
export function rawAttr(tag: string, name: string): string | undefined {
  let i = tag.indexOf(name);
  while (i >= 0) {
    const before = tag.charCodeAt(i - 1);
    const q = i + name.length;
    // preceded by whitespace, followed by =" or ='
    if ((before === 32 || before === 9 || before === 10 || before === 13) && tag.charCodeAt(q) === 61) {
      const quote = tag[q + 1];
      if (quote === '"' || quote === "'") {
        const end = tag.indexOf(quote, q + 2);
        return end < 0 ? undefined : tag.slice(q + 2, end);
      }
    }
    i = tag.indexOf(name, i + 1);
  }
  return undefined;
}

export function attr(tag: string, name: string): string | undefined {
  const v = rawAttr(tag, name);
  return v === undefined ? undefined : decodeEntities(v);
}

/**
 * Index just past the `>` that ends the tag starting at `lt`, honouring quoted attribute values
 * (which may contain `>`), or -1 when the tag is not complete in `buf`.
 */
export function tagEnd(buf: string, lt: number): number {
  let inQuote = false;
  let i = lt + 1;
  for (;;) {
    const gt = buf.indexOf('>', i);
    if (gt < 0) return -1;
    for (let q = buf.indexOf('"', i); q >= 0 && q < gt; q = buf.indexOf('"', q + 1)) inQuote = !inQuote;
    if (!inQuote) return gt + 1;
    i = gt + 1;
  }
}
