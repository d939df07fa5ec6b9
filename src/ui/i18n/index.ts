/**
 * Strings ready for translation: every user-visible text lives in a message catalog keyed by a
 * stable id, with `{name}` placeholders; numbers and dates are formatted with Intl in the user's
 * locale by the caller. English is the source catalog; a translation is another object of the same
 * keys (type-checked against English) passed to `setMessages`.
 */
import { en } from './en.ts';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

let messages: Messages = en;

/** Switches the catalog (e.g. from navigator.language at start-up, once translations exist). */
export function setMessages(m: Messages): void {
  messages = m;
}

/** The message for `key` with `{name}` placeholders filled in. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text = messages[key] ?? en[key];
  return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
}

const plural = new Map<string, Intl.PluralRules>();

/** A count-dependent message: `key.one` / `key.other` (the locale's plural rules pick the form). */
export function tn(key: string, count: number, vars?: Record<string, string | number>): string {
  const locale = typeof navigator === 'undefined' ? 'en' : navigator.language;
  let rules = plural.get(locale);
  if (!rules) plural.set(locale, (rules = new Intl.PluralRules(locale)));
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return t(`${key}.${form}` as MessageKey, { count, ...vars });
}
