import { ImportError } from './errors.ts';

/** No health export has a field this long; past it the file is refused (memory stays bounded). */
export const MAX_CSV_FIELD = 1 << 20;
/** Nor a record with this many fields (the widest, Samsung Health's, have about a hundred). */
export const MAX_CSV_FIELDS = 4096;
/** Nor a record this long (characters, quotes and delimiters included). */
export const MAX_CSV_RECORD = 16 << 20;

/**
 * A streaming CSV reader (RFC 4180: quoted fields, "" escapes, newlines inside quotes, CRLF or LF)
 * that yields each record with the line it starts on. Delimiter: comma unless told otherwise.
 * A field longer than MAX_CSV_FIELD, a record with more than MAX_CSV_FIELDS fields or longer than
 * MAX_CSV_RECORD, or a quote that never closes, is an ImportError with its line, raised as soon as
 * the limit is passed (a 300 MB line of commas once grew to 2 GB before failing).
 */
export async function* csvRecords(text: AsyncIterable<string>, delimiter = ','): AsyncGenerator<[fields: string[], line: number]> {
  const D = delimiter.charCodeAt(0);
  let fields: string[] = [];
  let recordChars = 0;
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
        const f = field + chunk.slice(start, i);
        recordChars = checkRecord(fields, recordChars + f.length + 1, recordLine);
        fields.push(f);
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
        const f = field + chunk.slice(start, i);
        checkRecord(fields, recordChars + f.length, recordLine);
        fields.push(f);
        field = '';
        if (any || fields.length > 1 || fields[0] !== '') yield [fields, recordLine];
        fields = [];
        recordChars = 0;
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
    if (recordChars + field.length > MAX_CSV_RECORD) recordTooLong(recordLine);
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
    checkRecord(fields, recordChars + field.length, recordLine);
    fields.push(field);
    yield [fields, recordLine];
  }
}

/** The length of the record so far, once its fields are within the limits. */
function checkRecord(fields: string[], recordChars: number, line: number): number {
  if (fields.length >= MAX_CSV_FIELDS)
    throw new ImportError(
      'MALFORMED',
      `Line ${line} has more than ${MAX_CSV_FIELDS} fields: no health export's CSV is that wide`,
      `line ${line}`,
    );
  if (recordChars > MAX_CSV_RECORD) recordTooLong(line);
  return recordChars;
}

function recordTooLong(line: number): never {
  throw new ImportError(
    'MALFORMED',
    `The record on line ${line} is longer than 16 MB: no health export's CSV has one that long`,
    `line ${line}`,
  );
}

function tooLong(line: number): never {
  throw new ImportError('MALFORMED', `A field on line ${line} is longer than 1 MB`, `line ${line}`);
}
