/**
 * A streaming CSV reader (RFC 4180: quoted fields, "" escapes, newlines inside quotes, CRLF or LF)
 * that yields each record with the line it starts on. Delimiter: comma unless told otherwise.
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
  }
  if (field !== '' || fields.length > 0 || any) {
    fields.push(field);
    yield [fields, recordLine];
  }
}
