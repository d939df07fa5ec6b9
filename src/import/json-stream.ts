import { snippet } from '../../models/util/text.ts';
import { ImportError } from './errors.ts';

export interface JsonRoot {
  kind: 'array' | 'object';
  /** Primitive members of the root object (e.g. resourceType, which FHIR servers may write last). */
  fields: Record<string, unknown>;
  /** Elements yielded. */
  count: number;
}

/**
 * Streams the elements of a JSON document's main array without holding the document: the root array
 * itself, or the array under one of `arrayKeys` in the root object (FHIR's `entry`). Each element is
 * parsed on its own (`JSON.parse`), so memory is bounded by the largest element. A root object with
 * none of those keys is yielded whole (a single FHIR resource), up to `maxWhole` characters.
 */
export async function* jsonElements(
  text: AsyncIterable<string>,
  root: JsonRoot,
  arrayKeys: readonly string[] = ['entry'],
  maxWhole = 64 * 2 ** 20,
): AsyncGenerator<unknown> {
  let depth = 0;
  let inString = false;
  let escape = false;
  let started = false;
  let targetDepth = -1; // depth of the array whose elements we yield
  let elem: string[] | null = null; // parts of the element being collected
  let elemStart = 0;
  let whole: string[] | null = null; // the whole root object, when it has no target array
  let wholeLen = 0;
  let elemLen = 0;
  // root-object key tracking
  let keyStart = -1;
  let key: string | null = null;
  let lastString: string[] = [];
  let afterColon = false;
  let primStart = -1;
  let prim: string[] = [];
  let offset = 0;
  let done = false;

  for await (const chunk of text) {
    let i = 0;
    if (elem) elemStart = 0;
    if (keyStart >= 0) keyStart = 0;
    if (primStart >= 0) primStart = 0;
    for (; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (inString) {
        if (escape) escape = false;
        else if (c === 92) escape = true;
        else if (c === 34) {
          inString = false;
          if (keyStart >= 0) {
            lastString.push(chunk.slice(keyStart, i));
            keyStart = -1;
          }
        }
        continue;
      }
      if (c === 32 || c === 10 || c === 13 || c === 9) continue;
      if (done) throw new ImportError('MALFORMED', 'Unexpected data after the end of the JSON document', `character ${offset + i}`);
      if (!started) {
        if (c === 0xfeff) continue;
        if (c === 91 /* [ */) {
          root.kind = 'array';
          targetDepth = 1;
        } else if (c === 123 /* { */) {
          root.kind = 'object';
          whole = [];
          elemStart = i;
        } else throw new ImportError('MALFORMED', 'Not a JSON document', `character ${offset + i}`);
        started = true;
        depth = 1;
        continue;
      }
      // primitive value of a root-object member ends at ',' or '}'
      if (primStart >= 0 && (c === 44 || c === 125)) {
        prim.push(chunk.slice(primStart, i));
        try {
          root.fields[key!] = JSON.parse(prim.join('').trim());
        } catch {
          throw new ImportError('MALFORMED', `Invalid JSON value for "${snippet(key!)}"`, `character ${offset + i}`);
        }
        primStart = -1;
        prim = [];
      }
      if (c === 34 /* " */) {
        inString = true;
        if (depth === 1 && root.kind === 'object' && !afterColon) {
          keyStart = i + 1;
          lastString = [];
        } else if (depth === 1 && root.kind === 'object' && afterColon && primStart < 0) {
          primStart = i;
          prim = [];
          afterColon = false;
        }
        continue;
      }
      if (depth === 1 && root.kind === 'object') {
        if (c === 58 /* : */) {
          key = jsonKey(lastString.join(''), offset + i);
          afterColon = true;
          continue;
        }
        if (afterColon) {
          afterColon = false;
          if (c === 91 && arrayKeys.includes(key!)) {
            targetDepth = 2;
            whole = null;
            depth++;
            continue;
          }
          if (c !== 123 && c !== 91) {
            primStart = i;
            prim = [];
          }
        }
      }
      if (c === 123 || c === 91) {
        if (depth === targetDepth && !elem) {
          elem = [];
          elemStart = i;
          elemLen = 0;
        }
        depth++;
      } else if (c === 125 || c === 93) {
        depth--;
        if (depth < 0) throw new ImportError('MALFORMED', 'Unbalanced JSON brackets', `character ${offset + i}`);
        if (elem && depth === targetDepth) {
          elem.push(chunk.slice(elemStart, i + 1));
          const raw = elem.join('');
          elem = null;
          let v: unknown;
          try {
            v = JSON.parse(raw);
          } catch (e) {
            throw new ImportError(
              'MALFORMED',
              `Invalid JSON in element ${root.count + 1}: ${(e as Error).message}`,
              `entry ${root.count + 1}`,
            );
          }
          root.count++;
          yield v;
        } else if (depth === 0) {
          done = true;
          if (whole) {
            whole.push(chunk.slice(elemStart, i + 1));
            let v: unknown;
            try {
              v = JSON.parse(whole.join(''));
            } catch (e) {
              throw new ImportError('MALFORMED', `Invalid JSON: ${(e as Error).message}`);
            }
            whole = null;
            root.count++;
            yield v;
          }
        }
        // The target array has closed: what follows (a signed Bundle's `signature`, say) holds no elements.
        if (depth < targetDepth) targetDepth = -1;
      } else if (targetDepth === 1 && depth === 1 && c !== 44) {
        // a primitive element of a root array: not a record
        if (!elem) throw new ImportError('MALFORMED', `Element ${root.count + 1} is not an object`, `entry ${root.count + 1}`);
      }
    }
    if (elem) {
      elem.push(chunk.slice(elemStart));
      elemLen += chunk.length - elemStart;
      if (elemLen > maxWhole)
        throw new ImportError(
          'TOO_LARGE',
          `Element ${root.count + 1} is larger than ${Math.round(maxWhole / 2 ** 20)} MB`,
          `entry ${root.count + 1}`,
        );
    }
    if (whole) {
      whole.push(chunk.slice(elemStart));
      wholeLen += chunk.length;
      elemStart = 0;
      if (wholeLen > maxWhole)
        throw new ImportError('TOO_LARGE', `A single JSON object over ${Math.round(maxWhole / 2 ** 20)} MB without an "entry" array`);
    }
    if (keyStart >= 0) lastString.push(chunk.slice(keyStart));
    if (primStart >= 0) prim.push(chunk.slice(primStart));
    offset += chunk.length;
  }
  if (!started) throw new ImportError('EMPTY_FILE', 'The JSON file is empty');
  if (!done || inString)
    throw new ImportError('TRUNCATED', 'The JSON document ends early (an interrupted download or copy?)', `character ${offset}`);
}

/** A member name as written between its quotes, with its escapes (`\"`, `\u0041`) decoded. */
function jsonKey(raw: string, at: number): string {
  if (raw.indexOf('\\') < 0) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    throw new ImportError('MALFORMED', 'Invalid escape in a JSON member name', `character ${at}`);
  }
}
