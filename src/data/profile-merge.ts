/**
 * Who set each profile value, and what an import may change (docs/architecture.md "Profile values
 * and where they came from"). Pure functions over a copy of the profile row; profile.ts runs them
 * inside transactions.
 *
 * - A value the person entered or chose is never replaced by an import: a differing imported value
 *   waits in `pendingConflicts` until the person keeps theirs or takes the record's, field by field.
 * - Among imported values a dated one (height) goes by the day it was measured, the newest winning
 *   whatever the import order; an undated one (sex, birth date) by the latest import, and a record
 *   that disagrees is listed for the person to settle.
 * - List items (conditions, medications) from a clinical record are added while the person has not
 *   given that list themselves; once they have, and always for an item from an indirect source (an
 *   insurance claim), the item waits for the person's confirmation.
 * - Every imported value is kept with the imports that gave it (`fromImports`), so that undoing an
 *   import takes back exactly what it set, and a value another import also gave stays.
 * - A row from before provenance: every value in it counts as the person's. Nothing is lost, and a
 *   differing import asks instead of replacing.
 */
import type { ProfilePatch } from './profile.ts';
import type { ImportedProfileValue, ProfileConflict, ProfileFieldOutcome, ProfileOrigin, ProfileRow } from './rows.ts';

export type ProfileValue = string | number | boolean;

export const LIST_FIELDS = ['conditions', 'medications'] as const;
export type ListField = (typeof LIST_FIELDS)[number];
/** Single-valued fields at the top of the row; each answer is one too (`answers.physicallyActive`). */
export const TOP_FIELDS = ['birthDate', 'sex', 'heightCm', 'ethnicity', 'smoking', 'familyHistoryDiabetes'] as const;
/** Fields whose imported values are measurements with a date: the newest measurement wins. */
const DATED = new Set<string>(['heightCm']);
/**
 * Heights closer than this are the same height, not a conflict: a person types whole or half
 * centimetres (or whole inches, 2.54 cm apart), a record keeps a millimetre.
 */
export const SAME_HEIGHT_CM = 1;

/** What one import says about the person, beyond the plain values of its profile patch. */
export interface ProfileMeta {
  /** Local day (YYYY-MM-DD) each dated value was measured. */
  observedAt?: Partial<Record<string, string>>;
  /** List items read from an indirect source only (insurance claims). */
  indirect?: Partial<Record<ListField, string[]>>;
}

export interface ImportedFact {
  field: string;
  value: ProfileValue;
  observedAt?: string;
  indirect?: boolean;
}

/** What a person's choice on a conflict is: keep the profile's value, or take the record's. */
export interface ProfileChoice {
  field: string;
  /** The record's value the choice is about (for a list, the item). */
  value: ProfileValue;
  use: 'mine' | 'record';
}

export const isListField = (f: string): f is ListField => f === 'conditions' || f === 'medications';
const itemKey = (l: ListField, item: string): string => `${l}:${item}`;
const lastImport = (c: ImportedProfileValue): number => Math.max(...c.importIds);

/** The import's facts: its patch's values, answers one by one, list items one by one. */
export function importedFacts(patch: ProfilePatch, meta: ProfileMeta = {}): ImportedFact[] {
  const out: ImportedFact[] = [];
  for (const f of TOP_FIELDS) {
    const v = patch[f];
    const at = meta.observedAt?.[f];
    if (v !== undefined) out.push(at ? { field: f, value: v, observedAt: at } : { field: f, value: v });
  }
  for (const [k, v] of Object.entries(patch.answers ?? {})) if (v !== undefined) out.push({ field: `answers.${k}`, value: v });
  for (const l of LIST_FIELDS) {
    const direct = patch[l] ?? [];
    for (const i of direct) out.push({ field: l, value: i });
    for (const i of meta.indirect?.[l] ?? []) if (!direct.includes(i)) out.push({ field: l, value: i, indirect: true });
  }
  return out;
}

export function getValue(row: ProfileRow, field: string): ProfileValue | undefined {
  if (field.startsWith('answers.')) return (row.answers as Record<string, ProfileValue> | undefined)?.[field.slice(8)];
  return (row as unknown as Record<string, ProfileValue | undefined>)[field];
}

export function setValue(row: ProfileRow, field: string, v: ProfileValue | undefined): void {
  if (field.startsWith('answers.')) {
    const a = { ...row.answers } as Record<string, ProfileValue>;
    if (v === undefined) delete a[field.slice(8)];
    else a[field.slice(8)] = v;
    if (Object.keys(a).length) row.answers = a;
    else delete row.answers;
    return;
  }
  const r = row as unknown as Record<string, unknown>;
  if (v === undefined) delete r[field];
  else r[field] = v;
}

/** The single-valued fields the row holds a value for. */
function singleFields(row: ProfileRow): string[] {
  return [...TOP_FIELDS.filter((f) => row[f] !== undefined), ...Object.keys(row.answers ?? {}).map((k) => `answers.${k}`)];
}

/** Whether two values of a field say the same. */
export function sameValue(field: string, a: ProfileValue | undefined, b: ProfileValue | undefined): boolean {
  if (field === 'heightCm' && typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < SAME_HEIGHT_CM;
  return a === b;
}

/** The imported value that wins: the newest measurement, then the latest import. */
function best(cs: ImportedProfileValue[]): ImportedProfileValue | undefined {
  let b: ImportedProfileValue | undefined;
  for (const c of cs) {
    const [dc, db] = [c.observedAt ?? '', b?.observedAt ?? ''];
    if (!b || dc > db || (dc === db && lastImport(c) > lastImport(b))) b = c;
  }
  return b;
}

function importOrigin(c: ImportedProfileValue): ProfileOrigin {
  return { by: 'import', importId: lastImport(c), source: c.source, ...(c.observedAt ? { observedAt: c.observedAt } : {}) };
}

/**
 * A copy of the row with provenance. A row from before provenance gets the safe default: each value
 * in it is the person's (and each list the person's list), so an import can only ask about it.
 */
export function normalize(prev: ProfileRow | undefined, nowMs: number): ProfileRow {
  const row: ProfileRow = prev ? structuredClone(prev) : { id: 'self', updatedAt: nowMs };
  if (!row.provenance) {
    const at = row.updatedAt;
    const prov: Record<string, ProfileOrigin> = {};
    for (const f of singleFields(row)) prov[f] = { by: 'person', at };
    for (const l of LIST_FIELDS) {
      if (!row[l]) continue;
      prov[l] = { by: 'person', at };
      for (const i of row[l]) prov[itemKey(l, i)] = { by: 'person', at };
    }
    row.provenance = prov;
  }
  row.fromImports ??= [];
  return row;
}

/**
 * Recomputes, from the imported values, every value not the person's, and the conflicts. A value
 * without provenance counts as the person's (never overwritten).
 */
export function resolve(row: ProfileRow): ProfileRow {
  const prov = (row.provenance ??= {});
  const cands = (row.fromImports ??= []);
  const singles = new Set([
    ...cands.filter((c) => !isListField(c.field)).map((c) => c.field),
    ...Object.keys(prov).filter((k) => prov[k]!.by === 'import' && !isListField(k) && !k.includes(':')),
  ]);
  for (const f of singles) {
    if (getValue(row, f) !== undefined && prov[f]?.by !== 'import') continue;
    const b = best(cands.filter((c) => c.field === f && !c.declined));
    setValue(row, f, b?.value);
    if (b) prov[f] = importOrigin(b);
    else delete prov[f];
  }
  for (const l of LIST_FIELDS) {
    const current = row[l] ?? [];
    const auto = new Map<string, ImportedProfileValue>();
    if (prov[l]?.by !== 'person') {
      for (const c of cands) if (c.field === l && !c.declined && !c.indirect) auto.set(String(c.value), c);
    }
    const next = current.filter((i) => prov[itemKey(l, i)]?.by !== 'import' || auto.has(i));
    for (const i of current) if (!next.includes(i)) delete prov[itemKey(l, i)];
    for (const [i, c] of auto) {
      if (!next.includes(i)) {
        next.push(i);
        prov[itemKey(l, i)] = importOrigin(c);
      } else if (prov[itemKey(l, i)]?.by === 'import') prov[itemKey(l, i)] = importOrigin(c);
    }
    if (next.length) row[l] = next;
    else delete row[l];
  }
  row.pendingConflicts = conflicts(row);
  return row;
}

function conflicts(row: ProfileRow): ProfileConflict[] {
  const out: ProfileConflict[] = [];
  const cands = row.fromImports ?? [];
  const ask = (c: ImportedProfileValue, current?: ProfileValue): void => {
    out.push({
      field: c.field,
      value: c.value,
      ...(current !== undefined ? { current, currentBy: row.provenance?.[c.field]?.by === 'import' ? 'import' : 'person' } : {}),
      source: c.source,
      importIds: [...c.importIds],
      ...(c.observedAt ? { observedAt: c.observedAt } : {}),
      ...(c.indirect ? { indirect: true } : {}),
    });
  };
  const singles = [...new Set(cands.filter((c) => !isListField(c.field)).map((c) => c.field))];
  for (const f of singles) {
    const v = getValue(row, f);
    if (v === undefined) continue;
    const cs = cands.filter((c) => c.field === f);
    // A dated field: only the newest measurement is worth asking about (an older one is superseded).
    for (const c of DATED.has(f) ? [best(cs)!] : cs) if (!c.declined && !sameValue(f, v, c.value)) ask(c, v);
  }
  for (const l of LIST_FIELDS) {
    const have = new Set(row[l] ?? []);
    for (const c of cands) if (c.field === l && !c.declined && !have.has(String(c.value))) ask(c);
  }
  return out;
}

function addFact(cands: ImportedProfileValue[], x: ImportedFact, importId: number, source: string): ImportedProfileValue {
  const list = isListField(x.field);
  const c = cands.find((c) => c.field === x.field && c.value === x.value && (list || c.observedAt === x.observedAt));
  if (c) {
    if (!c.importIds.includes(importId)) c.importIds.push(importId);
    // The same item from a clinical record as well as a claim is a direct one.
    if (c.indirect && !x.indirect) delete c.indirect;
    return c;
  }
  const added: ImportedProfileValue = {
    field: x.field,
    value: x.value,
    importIds: [importId],
    source,
    ...(x.observedAt ? { observedAt: x.observedAt } : {}),
    ...(x.indirect ? { indirect: true } : {}),
  };
  cands.push(added);
  return added;
}

/** Adds one import's facts; returns the new row and what became of each fact. */
export function applyImport(
  prev: ProfileRow | undefined,
  importId: number,
  source: string,
  facts: ImportedFact[],
  nowMs: number,
): { row: ProfileRow; outcome: ProfileFieldOutcome[] } {
  const before = normalize(prev, nowMs);
  const row = normalize(prev, nowMs);
  const added = facts.map((x) => addFact(row.fromImports!, x, importId, source));
  resolve(row);
  row.updatedAt = nowMs;
  const outcome = facts.map((x, i): ProfileFieldOutcome => {
    const c = added[i]!;
    const o: ProfileFieldOutcome = { field: x.field, value: x.value, status: 'set' };
    if (x.observedAt) o.observedAt = x.observedAt;
    if (c.indirect) o.indirect = true;
    o.status = statusOf(before, row, x, c);
    return o;
  });
  return { row, outcome };
}

function statusOf(before: ProfileRow, row: ProfileRow, x: ImportedFact, c: ImportedProfileValue): ProfileFieldOutcome['status'] {
  if (c.declined) return 'declined';
  if (isListField(x.field)) {
    const item = String(x.value);
    if (!(row[x.field] ?? []).includes(item)) return c.indirect ? 'confirm' : 'pending';
    return (before[x.field] ?? []).includes(item) ? 'same' : 'set';
  }
  const now = getValue(row, x.field);
  if (sameValue(x.field, now, x.value)) return sameValue(x.field, getValue(before, x.field), x.value) ? 'same' : 'set';
  const asked = row.pendingConflicts?.some((p) => p.field === x.field && p.value === x.value && p.observedAt === x.observedAt);
  return asked ? 'pending' : 'older';
}

/** Takes back what one import gave: its values go unless another import also gave them. */
export function undoImport(prev: ProfileRow | undefined, importId: number, nowMs: number): ProfileRow | undefined {
  if (!prev?.fromImports?.some((c) => c.importIds.includes(importId))) return undefined;
  const row = normalize(prev, nowMs);
  row.fromImports = row.fromImports!.filter((c) => {
    c.importIds = c.importIds.filter((id) => id !== importId);
    return c.importIds.length > 0;
  });
  resolve(row);
  row.updatedAt = nowMs;
  return row;
}

/** The imported values one import gave, as they stand (copies): what redo gives back after undo. */
export function heldBy(prev: ProfileRow | undefined, importId: number): ImportedProfileValue[] {
  return (prev?.fromImports ?? []).filter((c) => c.importIds.includes(importId)).map((c) => structuredClone(c));
}

/**
 * Redo of an undone import: it holds again the values it held (`heldBy` before undo), a value it
 * alone gave comes back as it was (turned down stays turned down), and the profile is worked out
 * again as after the import. Returns undefined when there is nothing to give back.
 */
export function redoImport(
  prev: ProfileRow | undefined,
  importId: number,
  held: readonly ImportedProfileValue[],
  nowMs: number,
): ProfileRow | undefined {
  if (!held.length) return undefined;
  const row = normalize(prev, nowMs);
  for (const h of held) {
    const fact: ImportedFact = { field: h.field, value: h.value };
    if (h.observedAt) fact.observedAt = h.observedAt;
    if (h.indirect) fact.indirect = true;
    const c = addFact(row.fromImports!, fact, importId, h.source);
    if (h.declined) c.declined = true;
  }
  resolve(row);
  row.updatedAt = nowMs;
  return row;
}

/**
 * What a person would see changed between two versions of the profile: each single field whose value
 * differs, and each list item added or gone (as `conditions:…`).
 */
export function changedFields(before: ProfileRow | undefined, after: ProfileRow | undefined): string[] {
  const empty: ProfileRow = { id: 'self', updatedAt: 0 };
  const a = before ?? empty;
  const b = after ?? empty;
  const out: string[] = [];
  for (const f of new Set([...singleFields(a), ...singleFields(b)])) if (getValue(a, f) !== getValue(b, f)) out.push(f);
  for (const l of LIST_FIELDS) {
    const x = new Set(a[l] ?? []);
    const y = new Set(b[l] ?? []);
    for (const i of x) if (!y.has(i)) out.push(itemKey(l, i));
    for (const i of y) if (!x.has(i)) out.push(itemKey(l, i));
  }
  return out;
}

/**
 * The person's choice on one conflict. Taking the record's value makes it the person's (it stays
 * when the import is undone); keeping theirs turns the record's differing values down. Either way
 * the field is settled: the same values are not asked about again.
 */
export function choose(prev: ProfileRow | undefined, choice: ProfileChoice, nowMs: number): ProfileRow {
  const row = normalize(prev, nowMs);
  const prov = row.provenance!;
  const { field: f, value, use } = choice;
  const cands = row.fromImports!.filter((c) => c.field === f);
  const from = best(cands.filter((c) => c.value === value));
  if (use === 'record' && !from) throw new Error(`No record gives ${f} = ${String(value)}`);
  const chosen: ProfileOrigin = { by: 'person', at: nowMs };
  if (from)
    Object.assign(chosen, { importId: lastImport(from), source: from.source, ...(from.observedAt ? { observedAt: from.observedAt } : {}) });
  if (isListField(f)) {
    const item = String(value);
    if (use === 'record') {
      row[f] = [...new Set([...(row[f] ?? []), item])];
      prov[itemKey(f, item)] = chosen;
    } else for (const c of cands) if (c.value === value) c.declined = true;
  } else if (use === 'record') {
    setValue(row, f, value);
    prov[f] = chosen;
    for (const c of cands) if (!sameValue(f, c.value, value)) c.declined = true;
  } else {
    const v = getValue(row, f);
    for (const c of cands) if (!sameValue(f, c.value, v)) c.declined = true;
    if (v !== undefined) prov[f] = { ...prov[f], by: 'person', at: nowMs };
  }
  resolve(row);
  row.updatedAt = nowMs;
  return row;
}

/**
 * The person's own form, for the fields they changed: each becomes the person's. A value they
 * changed away from, or removed, is turned down, so the import that gave it does not bring it back.
 */
export function saveForm(prev: ProfileRow | undefined, form: ProfilePatch, fields: readonly string[], nowMs: number): ProfileRow {
  const row = normalize(prev, nowMs);
  for (const f of fields) {
    if (isListField(f)) saveList(row, f, form[f], nowMs);
    else if (f === 'answers') {
      const keys = new Set([...Object.keys(row.answers ?? {}), ...Object.keys(form.answers ?? {})]);
      for (const k of keys) saveSingle(row, `answers.${k}`, (form.answers as Record<string, ProfileValue> | undefined)?.[k], nowMs);
    } else saveSingle(row, f, form[f as (typeof TOP_FIELDS)[number]], nowMs);
  }
  resolve(row);
  row.updatedAt = nowMs;
  return row;
}

function saveSingle(row: ProfileRow, f: string, v: ProfileValue | undefined, nowMs: number): void {
  const prov = row.provenance!;
  const prev = getValue(row, f);
  const cands = row.fromImports!.filter((c) => c.field === f);
  if (v === undefined) {
    for (const c of cands) c.declined = true;
    setValue(row, f, undefined);
    delete prov[f];
    return;
  }
  if (prev !== undefined && !sameValue(f, prev, v)) for (const c of cands) if (sameValue(f, c.value, prev)) c.declined = true;
  if (!(prov[f]?.by === 'person' && prev === v)) prov[f] = { by: 'person', at: nowMs };
  setValue(row, f, v);
}

function saveList(row: ProfileRow, l: ListField, items: string[] | undefined, nowMs: number): void {
  const prov = row.provenance!;
  const before = row[l] ?? [];
  const next = [...new Set(items ?? [])];
  for (const c of row.fromImports!)
    if (c.field === l && before.includes(String(c.value)) && !next.includes(String(c.value))) c.declined = true;
  for (const i of before) if (!next.includes(i)) delete prov[itemKey(l, i)];
  // An item the person keeps from a record becomes theirs, and keeps the record it came from.
  for (const i of next) {
    const was = prov[itemKey(l, i)];
    if (was?.by === 'person') continue;
    prov[itemKey(l, i)] = {
      by: 'person',
      at: nowMs,
      ...(was?.importId !== undefined ? { importId: was.importId } : {}),
      ...(was?.source ? { source: was.source } : {}),
    };
  }
  prov[l] = { by: 'person', at: nowMs };
  if (next.length) row[l] = next;
  else delete row[l];
}
