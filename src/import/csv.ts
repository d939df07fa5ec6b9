import { ImportError } from './errors.ts';

/** No health export has a field this long; past it the file is refused (memory stays bounded). */
export const MAX_CSV_FIELD = 1 << 20;

/**
 * A streaming CSV reader (RFC 4180: quoted fields, "" escapes, newlines inside quotes, CRLF or LF)
 * that yields each record with the line it starts on. Delimiter: comma unless told otherwise.
 * A field longer than MAX_CSV_FIELD, or a quote that never closes, is an ImportError with its line.
 */
export async function* csvRecords(text: AsyncIterable<string>, delimiter = ','): AsyncGenerator<[fields: string[], line: number]> {
  const D = delimiter.charCodeAt(0);
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let afterQuote = false;
  let line = 1;
  let recordLine = 1;
  let pendingCR = false;
  let any = false;
  for await (const chunk of text) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (inQuotes) {
        if (c === 34) {
          if (chunk.charCodeAt(i + 1) === 34) {
            field += chunk.slice(start, i + 1);
            i++;
            start = i + 1;
          } else if (i + 1 === chunk.length) {
            // a quote at the very end of a chunk: decide with the next chunk
            field += chunk.slice(start, i);
            start = i + 1;
            inQuotes = false;
            afterQuote = true;
          } else {
            field += chunk.slice(start, i);
            start = i + 1;
            inQuotes = false;
            afterQuote = true;
          }
        } else if (c === 10) line++;
        continue;
      }
      if (afterQuote && c === 34 && i === 0) {
        // "" split across chunks: an escaped quote, still inside the field
        field += '"';
        start = 1;
        inQuotes = true;
        afterQuote = false;
        continue;
      }
      afterQuote = false;
      if (c === 34 && start === i && field === '') {
        inQuotes = true;
        start = i + 1;
        any = true;
      } else if (c === D) {
        if (field.length + i - start > MAX_CSV_FIELD) tooLong(recordLine);
        fields.push(field + chunk.slice(start, i));
        field = '';
        start = i + 1;
        any = true;
      } else if (c === 10 || c === 13) {
        if (c === 10 && pendingCR && i === 0) {
          // the LF of a CRLF split across chunks: the line end was already counted at the CR
          pendingCR = false;
          start = 1;
          continue;
        }
        if (field.length + i - start > MAX_CSV_FIELD) tooLong(recordLine);
        fields.push(field + chunk.slice(start, i));
        field = '';
        if (any || fields.length > 1 || fields[0] !== '') yield [fields, recordLine];
        fields = [];
        any = false;
        if (c === 13 && chunk.charCodeAt(i + 1) === 10) i++;
        else if (c === 13 && i + 1 === chunk.length) pendingCR = true;
        line++;
        recordLine = line;
        start = i + 1;
      } else any = true;
      if (c !== 13) pendingCR = false;
    }
    field += chunk.slice(start);
    if (field.length > MAX_CSV_FIELD) {
      throw new ImportError(
        'MALFORMED',
        inQuotes
          ? `A quoted field starting on line ${recordLine} runs past 1 MB: a quote is probably never closed`
          : `A field on line ${recordLine} is longer than 1 MB`,
        `line ${recordLine}`,
      );
    }
  }
  if (inQuotes) throw new ImportError('MALFORMED', `The quoted field starting on line ${recordLine} is never closed`, `line ${recordLine}`);
  if (field.length > MAX_CSV_FIELD) tooLong(recordLine);
  if (field !== '' || fields.length > 0 || any) {
    fields.push(field);
    yield [fields, recordLine];
  }
}

function tooLong(line: number): never {
  throw new ImportError('MALFORMED', `A field on line ${line} is longer than 1 MB`, `line ${line}`);
}
