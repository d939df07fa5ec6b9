/**
 * Strings ready for translation: every user-visible text lives in a message catalog keyed by a
 * stable id, with `{name}` placeholders; numbers and dates are formatted with Intl in the user's
 * locale by the caller. English is the source catalog; a translation is another object of the same
 * keys (type-checked against English) passed to `setMessages`.
 */
import { en } from './en.ts';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
/** The keys `tn` takes: a count-dependent message has `key.one` and `key.other`. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never;
}[MessageKey];

let messages: Messages = en;
let language = 'en';

/**
 * Switches the catalog (e.g. from navigator.language at start-up, once translations exist).
 * `lang` is the catalog's language: its plural rules pick `.one` or `.other` in `tn`.
 */
export function setMessages(m: Messages, lang = 'en'): void {
  messages = m;
  language = lang;
}

/**
 * Who reads the screen: the person whose twin it is, or a clinician reviewing a twin shared with
 * them. A message that speaks to the person ("Weigh yourself again") has the clinician's wording in
 * `key.review` ("A recent weight: the patient's last is over a month old"); `t` picks it while a
 * clinician reads. Set by the app shell from the workspace on screen (App.tsx).
 */
export type Reader = 'person' | 'clinician';
let reader: Reader = 'person';

export function setReader(r: Reader): void {
  reader = r;
}

/** The message for `key` with `{name}` placeholders filled in (the clinician's wording where the reader is one). */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const review = `${key}.review`;
  const k = reader === 'clinician' && review in en ? (review as MessageKey) : key;
  const text = messages[k] ?? en[k];
  return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
}

const plural = new Map<string, Intl.PluralRules>();

/**
 * The form of a count-dependent message `key` for `count`, by the plural rules of the catalog's
 * language (not the browser's: English text follows English rules whatever the locale).
 */
export function pluralKey(key: PluralKey, count: number): MessageKey {
  let rules = plural.get(language);
  if (!rules) plural.set(language, (rules = new Intl.PluralRules(language)));
  return `${key}.${rules.select(count) === 'one' ? 'one' : 'other'}` as MessageKey;
}

/** A count-dependent message: `key.one` / `key.other` (the catalog language's plural rules pick the form). */
export function tn(key: PluralKey, count: number, vars?: Record<string, string | number>): string {
  return t(pluralKey(key, count), { count, ...vars });
}
