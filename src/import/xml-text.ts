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

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * The attributes of the last tag scanned, as positions: name start, name end, value start, value end.
 * A parser asks for several attributes of one tag in a row; the tag is read once for all of them.
 */
let scanned: string | undefined;
let spans = new Int32Array(4 * 32);
let count = 0;

/**
 * Reads a start tag attribute by attribute (XML 1.0: `Name S? = S? AttValue`, the value in double or
 * single quotes), so a value holding `>`, the other quote, or text that looks like another attribute
 * is never misread. Reading stops at the first thing that is not an attribute.
 */
function scan(tag: string): void {
  if (tag === scanned) return;
  count = 0;
  const n = tag.length;
  let i = 1;
  while (i < n) {
    const c = tag.charCodeAt(i);
    if (isSpace(c) || c === 47 || c === 62) break; // the element's name ends
    i++;
  }
  for (;;) {
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    const start = i;
    while (i < n) {
      const c = tag.charCodeAt(i);
      if (c === 61 || isSpace(c) || c === 47 || c === 62) break;
      i++;
    }
    if (i === start) break; // `/>`, `>` or the end: no more attributes
    const nameEnd = i;
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    if (tag.charCodeAt(i) !== 61) break; // not `name=value`: nothing further is trusted
    i++;
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    const q = tag.charCodeAt(i);
    if (q !== 34 && q !== 39) break;
    const end = tag.indexOf(q === 34 ? '"' : "'", i + 1);
    if (end < 0) break;
    if (4 * count + 4 > spans.length) {
      const more = new Int32Array(spans.length * 2);
      more.set(spans);
      spans = more;
    }
    spans[4 * count] = start;
    spans[4 * count + 1] = nameEnd;
    spans[4 * count + 2] = i + 1;
    spans[4 * count + 3] = end;
    count++;
    i = end + 1;
  }
  scanned = tag;
}

/** The raw (undecoded) value of attribute `name` in a start tag (the first, if repeated), or undefined. */
export function rawAttr(tag: string, name: string): string | undefined {
  scan(tag);
  for (let k = 0; k < count; k++) {
    const s = spans[4 * k]!;
    if (spans[4 * k + 1]! - s === name.length && tag.startsWith(name, s)) return tag.slice(spans[4 * k + 2], spans[4 * k + 3]);
  }
  return undefined;
}

export function attr(tag: string, name: string): string | undefined {
  const v = rawAttr(tag, name);
  return v === undefined ? undefined : decodeEntities(v);
}

/**
 * Index just past the `>` that ends the tag starting at `lt`, or -1 when the tag is not complete in
 * `buf`. A quoted attribute value, in double or single quotes, may hold `>` and the other quote.
 */
export function tagEnd(buf: string, lt: number): number {
  const n = buf.length;
  for (let i = lt + 1; i < n;) {
    const c = buf.charCodeAt(i);
    if (c === 62) return i + 1;
    if (c === 34 || c === 39) {
      const close = buf.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close + 1;
    } else i++;
  }
  return -1;
}

/** The element name of a start or end tag (`<name …>`, with its prefix if any). */
export function tagName(tag: string): string {
  let i = 1;
  while (i < tag.length) {
    const c = tag.charCodeAt(i);
    if (c === 32 || c === 47 || c === 62 || c === 9 || c === 10 || c === 13) break;
    i++;
  }
  return tag.slice(1, i);
}

/** End index of a `<!…>` construct (comment, CDATA, DOCTYPE with or without an internal subset), or -1. */
export function skipDeclaration(buf: string, lt: number): number {
  if (buf.startsWith('<!--', lt)) {
    const e = buf.indexOf('-->', lt + 4);
    return e < 0 ? -1 : e + 3;
  }
  if (buf.startsWith('<![CDATA[', lt)) {
    const e = buf.indexOf(']]>', lt + 9);
    return e < 0 ? -1 : e + 3;
  }
  if (buf.startsWith('<!DOCTYPE', lt)) {
    // Up to its internal subset or its end, past quoted SYSTEM/PUBLIC literals (either quote, may hold `>`).
    let bracket = -1;
    let i = lt + 9;
    for (; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (c === 34 || c === 39) {
        const close = buf.indexOf(c === 34 ? '"' : "'", i + 1);
        if (close < 0) return -1;
        i = close;
      } else if (c === 62) return i + 1;
      else if (c === 91) {
        bracket = i;
        break;
      }
    }
    if (bracket < 0) return -1;
    // Internal subset: skip to "]>" (whitespace allowed between). Apple's malformed variants still end so.
    const re = /\]\s*>/g;
    re.lastIndex = bracket;
    const m = re.exec(buf);
    return m ? m.index + m[0].length : -1;
  }
  const gt = buf.indexOf('>', lt);
  return gt < 0 ? -1 : gt + 1;
}
