/** An entry in words and the person's units: "Weight 82.4 kg", "Blood pressure 131/83 mmHg", a field's error. */
import {
  FIELD_METRIC,
  fieldUnit,
  type EntryError,
  type EntryKind,
  type EntryUnits,
  type FieldId,
  type StoredEntry,
} from '../../../models/entry/measurement-entry.ts';
import { fromCanonical } from '../../../models/units.ts';
import { display, unitFor, withUnit, type UnitSettings } from '../format.ts';
import { t, type MessageKey } from '../i18n/index.ts';

export const kindLabel = (k: EntryKind): string => t(`entry.kind.${k}` as MessageKey);
export const fieldLabel = (f: FieldId): string => t(`entry.field.${f}` as MessageKey);

/** The unit a field is entered in, as people write it (mL/min/1.73 m², not the UCUM spelling). */
export function fieldUnitLabel(f: FieldId, u: EntryUnits): string {
  const unit = fieldUnit(f, u);
  return unit === 'mL/min/1.73m2' ? 'mL/min/1.73 m²' : unit;
}

/** What an entry holds, in one line of the person's units. */
export function entryText(e: StoredEntry, s: UnitSettings): string {
  const v = e.values;
  if (e.kind === 'bloodPressure' && v.systolic !== undefined && v.diastolic !== undefined) {
    const sys = display('systolic_bp', v.systolic, s),
      dia = display('diastolic_bp', v.diastolic, s);
    return `${kindLabel('bloodPressure')} ${t('summary.bpValue', { sys: sys.text, dia: dia.text, unit: sys.unit })}`;
  }
  const parts = (Object.entries(v) as [FieldId, number][]).map(([f, x]) => `${fieldLabel(f)} ${withUnit(FIELD_METRIC[f], x, s)}`);
  const text = parts.join(t('common.listSeparator'));
  return e.fasting ? `${text} (${t('entry.fastingWord')})` : text;
}

/** A field's error as a plain sentence beside it. */
export function errorWords(e: EntryError, unit: string): string {
  const nf = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
  if (e.code === 'tooLow' || e.code === 'tooHigh')
    return t(`entry.error.${e.code}`, { min: nf.format(e.min ?? 0), max: nf.format(e.max ?? 0), unit });
  return t(`entry.error.${e.code}` as MessageKey);
}

/** A stored value as it is typed again for a change: in the field's unit, with the digits the screens show. */
export function typedValue(f: FieldId, canonical: number, u: EntryUnits): string {
  const metric = FIELD_METRIC[f];
  const digits = unitFor(metric, u).digits;
  const k = 10 ** Math.max(digits, 1);
  return String(Math.round(fromCanonical(metric, canonical, fieldUnit(f, u)) * k) / k);
}
