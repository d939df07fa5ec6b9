/**
 * A streaming XML element reader for documents read part by part (C-CDA): it scans tags like the
 * Apple Health scanner (xml-text.ts: no DOM, no DTD, only the five predefined entities and
 * character references ever decoded), tracks the open elements by local name, and builds small
 * element trees only for the parts the caller asks for (a C-CDA `<entry>`), so memory stays bounded
 * by the largest such part, never by the file.
 */
import { snippet } from '../../models/util/text.ts';
import { checkAbort, locate, textChunks } from './bytes.ts';
import { ImportError } from './errors.ts';
import { decodeEntities, skipDeclaration, tagEnd, tagName } from './xml-text.ts';

/** An element kept whole: its start tag (attributes read with xml-text.ts `attr`), children and text. */
export interface XmlElement {
  /** Local name (any `prefix:` dropped). */
  name: string;
  tag: string;
  /** Where its start tag is ("line 12", inside a zip "DOC0001.XML line 12"). */
  where: string;
  children: XmlElement[];
  /** Its own character data (entities decoded), CDATA included. */
  text: string;
}

/** The same limits as one Apple Health record: no tag longer than 16 MB. */
export const MAX_TAG_CHARS = 16 * 2 ** 20;
/** Elements in one kept tree (a C-CDA entry has a few dozen; a results panel a few hundred). */
export const MAX_KEPT_ELEMENTS = 20_000;
/** Characters of text in one kept tree. */
export const MAX_KEPT_TEXT = 1 << 20;
/** Nesting inside one kept tree (a C-CDA entry nests about a dozen deep): deeper is hostile. */
export const MAX_KEPT_DEPTH = 64;

export interface ElementVisitor {
  /** Every start tag, with the local names of the open elements above it (`path`, outermost first). */
  start?(name: string, tag: string, path: readonly string[], where: () => string): void;
  /** Whether to keep this element whole; it then reaches `element` when it ends. */
  keep(name: string, path: readonly string[]): boolean;
  /** A kept element, complete; `path` holds the elements above it. */
  element(el: XmlElement, path: readonly string[]): void;
  /** A kept element too large to keep (MAX_KEPT_*): it is skipped. */
  tooLarge(where: string, name: string): void;
  /** Every end tag, after its element is done. */
  end?(name: string, path: readonly string[]): void;
  /** Called between text chunks (back-pressure for the caller's sink). */
  drain?(): Promise<void>;
}

export interface ReadResult {
  /** Local name of the root element, '' when there was none. */
  root: string;
  /** The root's start tag. */
  rootTag: string;
  /** Whether the root element was closed. */
  closed: boolean;
}

const local = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * Reads `bytes` as XML, calling `v` as elements start, end and complete. A DOCTYPE is refused
 * (`refuseDoctype`: a C-CDA has none, so one is an entity bomb or an external entity, never read or
 * fetched); a document cut off mid-tag or before its root closes is TRUNCATED, with its place.
 */
export async function readElements(
  bytes: AsyncIterable<Uint8Array>,
  v: ElementVisitor,
  ctx: { signal?: AbortSignal; entryName?: string; refuseDoctype?: string },
): Promise<ReadResult> {
  let buf = '';
  let pos = 0;
  let line = 1;
  let lineCountedTo = 0;
  const where = (index: number): string => {
    for (let nl = buf.indexOf('\n', lineCountedTo); nl >= 0 && nl < index; nl = buf.indexOf('\n', nl + 1)) line++;
    lineCountedTo = index;
    return locate(ctx, `line ${line}`);
  };
  const path: string[] = [];
  /** The kept trees being built, innermost last; `keptDepth` is the path depth of the outermost. */
  const building: XmlElement[] = [];
  let keptDepth = -1;
  let keptElements = 0;
  let keptText = 0;
  let skipping = -1; // path depth of a kept element given up on
  const result: ReadResult = { root: '', rootTag: '', closed: false };

  const text = (s: string): void => {
    if (building.length === 0 || skipping >= 0) return;
    keptText += s.length;
    if (keptText > MAX_KEPT_TEXT) return giveUp();
    building[building.length - 1]!.text += s;
  };
  const giveUp = (): void => {
    const top = building[0]!;
    v.tooLarge(top.where, top.name);
    building.length = 0;
    skipping = keptDepth;
    keptDepth = -1;
  };

  for await (const chunk of textChunks(bytes)) {
    checkAbort(ctx.signal);
    for (let nl = buf.indexOf('\n', lineCountedTo); nl >= 0 && nl < pos; nl = buf.indexOf('\n', nl + 1)) line++;
    buf = buf.slice(pos) + chunk;
    pos = 0;
    lineCountedTo = 0;
    for (;;) {
      const lt = buf.indexOf('<', pos);
      if (lt < 0) {
        // Text to keep waits for its end (an entity may be split between chunks); other text goes.
        if (!building.length) pos = buf.length;
        break;
      }
      if (lt > pos && building.length) text(decodeEntities(buf.slice(pos, lt)));
      pos = lt;
      if (lt + 1 >= buf.length) break;
      const c = buf.charCodeAt(lt + 1);
      if (c === 33 /* ! */) {
        if (ctx.refuseDoctype && buf.startsWith('<!DOCTYPE', lt)) throw new ImportError('MALFORMED', ctx.refuseDoctype, where(lt));
        if (buf.length - lt < 9 && '<!DOCTYPE'.startsWith(buf.slice(lt))) break; // may be a DOCTYPE: wait for more
        const end = skipDeclaration(buf, lt);
        if (end < 0) break;
        if (buf.startsWith('<![CDATA[', lt)) text(buf.slice(lt + 9, end - 3));
        pos = end;
        continue;
      }
      if (c === 63 /* ? */) {
        const end = buf.indexOf('?>', lt);
        if (end < 0) break;
        pos = end + 2;
        continue;
      }
      const end = tagEnd(buf, lt);
      if (end < 0) break;
      const tag = buf.slice(lt, end);
      pos = end;
      if (c === 47 /* / */) {
        const name = local(tag.slice(2, -1).trim());
        if (path.length === 0 || path[path.length - 1] !== name) {
          throw new ImportError(
            'MALFORMED',
            `The end tag </${snippet(name)}> does not close <${snippet(path[path.length - 1] ?? '')}>`,
            where(lt),
          );
        }
        close(name);
        continue;
      }
      const name = local(tagName(tag));
      if (path.length === 0) {
        if (result.root) throw new ImportError('MALFORMED', `A second root element <${snippet(name)}> after the document's end`, where(lt));
        result.root = name;
        result.rootTag = tag;
      }
      const here = (): string => where(lt);
      v.start?.(name, tag, path, here);
      const selfClosing = tag.charCodeAt(tag.length - 2) === 47;
      if (skipping < 0) {
        if (building.length) {
          if (++keptElements > MAX_KEPT_ELEMENTS || building.length >= MAX_KEPT_DEPTH) giveUp();
          else {
            const el: XmlElement = { name, tag, where: here(), children: [], text: '' };
            building[building.length - 1]!.children.push(el);
            building.push(el);
          }
        } else if (v.keep(name, path)) {
          building.push({ name, tag, where: here(), children: [], text: '' });
          keptDepth = path.length;
          keptElements = 1;
          keptText = 0;
        }
      }
      path.push(name);
      if (selfClosing) close(name);
    }
    if (buf.length - pos > MAX_TAG_CHARS) {
      throw new ImportError('MALFORMED', 'A single XML tag is longer than 16 MB (a quote that is never closed?)', where(pos));
    }
    await v.drain?.();
  }
  if (!result.root) throw new ImportError('MALFORMED', 'No XML element found');
  if (path.length) {
    const cut = pos < buf.length && buf[pos] === '<';
    throw new ImportError(
      'TRUNCATED',
      cut
        ? 'An XML tag here never ends: the document is cut off, or a quote in it is not closed'
        : `The document ends before </${snippet(path[0]!)}> (${path.length} elements still open): it is incomplete (an interrupted download or copy?)`,
      where(cut ? pos : buf.length),
    );
  }
  return result;

  function close(name: string): void {
    path.pop();
    const depth = path.length;
    if (skipping >= 0) {
      if (depth === skipping) skipping = -1;
    } else if (building.length) {
      const el = building.pop()!;
      if (building.length === 0) {
        keptDepth = -1;
        v.element(el, path);
      }
    }
    v.end?.(name, path);
    if (depth === 0) result.closed = true;
  }
}
