/**
 * Messages with markup: `{name}` takes a string, number or React node, and `<tag>…</tag>` wraps its
 * text (placeholders inside are filled too) with the function passed as `tag`, so a translator
 * keeps a sentence and its emphasis or link in one message, in any word order.
 */
import { createElement, Fragment, type ReactNode } from 'react';
import { pluralKey, t, type MessageKey, type PluralKey } from './index.ts';

export type RichVars = Record<string, ReactNode | ((children: ReactNode) => ReactNode)>;

const TOKEN = /<(\w+)>(.*?)<\/\1>|\{(\w+)\}/gs;

function parse(text: string, vars: RichVars): ReactNode {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    const tag = m[1];
    const v = vars[tag ?? m[3]!];
    if (tag !== undefined) parts.push(typeof v === 'function' ? v(parse(m[2]!, vars)) : m[0]);
    else parts.push(v === undefined || typeof v === 'function' ? m[0] : v);
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  // Children passed one by one, not as an array: React wants no keys for them.
  return createElement(Fragment, null, ...parts);
}

/** The message for `key` as React nodes. */
export function tx(key: MessageKey, vars: RichVars): ReactNode {
  return parse(t(key), vars);
}

/** A count-dependent message (`key.one` / `key.other`) as React nodes; `{count}` is the count. */
export function txn(key: PluralKey, count: number, vars: RichVars): ReactNode {
  return parse(t(pluralKey(key, count)), { count, ...vars });
}

/** `<b>…</b>` in a message: strong emphasis. */
export const strong = (children: ReactNode): ReactNode => createElement('strong', null, children);
