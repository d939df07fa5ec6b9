/**
 * Reads a JSON object given in text pieces without holding it whole: the value of each top-level key
 * is parsed on its own, except the elements of one array-valued key (Doppel's export: `samples`),
 * which are parsed one at a time as they complete (after an `opened` item saying the array began). Memory: the largest single value, not the file.
 */
export type TopLevelItem = { key: string; value: unknown } | { key: string; element: unknown } | { key: string; opened: true };

const enum At {
  /** Before the opening brace. */
  Start,
  /** Inside the top object, expecting a key (or the end). */
  Key,
  /** After a key, expecting its colon. */
  Colon,
  /** Expecting a value. */
  Value,
  /** Inside a value that is collected whole. */
  Whole,
  /** Inside the streamed array, between elements. */
  Between,
  /** Inside one element of the streamed array. */
  Element,
  /** After a value, expecting a comma or the end. */
  After,
  End,
}

export class TopLevelJson {
  private at = At.Start;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private key = '';
  private buf: string[] = [];
  private keyBuf = '';
  /** A comma was read and no key since (a key must follow). */
  private comma = false;

  constructor(
    private readonly streamed: string,
    private readonly fail: (why: string) => Error,
  ) {}

  /** The items this piece completes, in order. */
  push(text: string): TopLevelItem[] {
    const out: TopLevelItem[] = [];
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      switch (this.at) {
        case At.Start:
          if (c === '{') this.at = At.Key;
          else if (!/\s/.test(c)) throw this.fail('it is not a JSON object');
          break;
        case At.Key:
          if (this.inString) {
            if (this.escaped) this.escaped = false;
            else if (c === '\\') this.escaped = true;
            else if (c === '"') {
              this.inString = false;
              this.comma = false;
              this.key = JSON.parse(`"${this.keyBuf}"`) as string;
              this.at = At.Colon;
              continue;
            }
            this.keyBuf += c;
          } else if (c === '"') {
            this.inString = true;
            this.keyBuf = '';
          } else if (c === '}' && !this.comma) this.at = At.End;
          else if (!/\s/.test(c)) throw this.fail('a key was expected');
          break;
        case At.Colon:
          if (c === ':') this.at = At.Value;
          else if (!/\s/.test(c)) throw this.fail('a colon was expected');
          break;
        case At.Value:
          if (/\s/.test(c)) break;
          if (this.key === this.streamed && c === '[') {
            out.push({ key: this.key, opened: true });
            this.at = At.Between;
            break;
          }
          this.at = At.Whole;
          from = i;
          this.depth = 0;
          i--; // read this character as the value's first
          break;
        case At.Whole:
        case At.Element: {
          if (this.inString) {
            if (this.escaped) this.escaped = false;
            else if (c === '\\') this.escaped = true;
            else if (c === '"') {
              this.inString = false;
              if (this.depth === 0) from = this.complete(text, from, i + 1, out);
            }
            break;
          }
          if (c === '"') this.inString = true;
          else if (c === '{' || c === '[') this.depth++;
          else if (c === '}' || c === ']') {
            if (this.depth === 0) {
              // The top object's end right after a number, true, false or null.
              if (this.at === At.Element || c === ']') throw this.fail('a bracket does not match');
              this.complete(text, from, i, out);
              this.at = At.End;
              break;
            }
            this.depth--;
            if (this.depth === 0) from = this.complete(text, from, i + 1, out);
          } else if (c === ',' && this.depth === 0) {
            if (this.at === At.Element) throw this.fail('an element is not an object');
            this.complete(text, from, i, out);
            this.at = At.Key;
            this.comma = true;
          }
          break;
        }
        case At.Between:
          if (c === ']') this.at = At.After;
          else if (c === '{') {
            this.at = At.Element;
            from = i;
            this.depth = 1;
          } else if (c !== ',' && !/\s/.test(c)) throw this.fail(`"${this.streamed}" holds something that is not an object`);
          break;
        case At.After:
          if (c === ',') {
            this.at = At.Key;
            this.comma = true;
          } else if (c === '}') this.at = At.End;
          else if (!/\s/.test(c)) throw this.fail('a comma was expected');
          break;
        case At.End:
          if (!/\s/.test(c)) throw this.fail('there is more after its end');
      }
    }
    if ((this.at === At.Whole || this.at === At.Element) && text.length > from) this.buf.push(text.slice(from));
    return out;
  }

  /** A value (or element) ends before `to`: parse it, and read on after it. Returns where the next text starts. */
  private complete(text: string, from: number, to: number, out: TopLevelItem[]): number {
    if (to > from) this.buf.push(text.slice(from, to));
    if (this.at === At.Element) {
      out.push({ key: this.key, element: this.parse() });
      this.at = At.Between;
    } else {
      out.push({ key: this.key, value: this.parse() });
      this.at = At.After;
    }
    return to;
  }

  /** Whether the object was closed. */
  get done(): boolean {
    return this.at === At.End;
  }

  private parse(): unknown {
    const text = this.buf.join('');
    this.buf = [];
    try {
      return JSON.parse(text);
    } catch {
      throw this.fail(`the value of "${this.key}" is not JSON`);
    }
  }
}
