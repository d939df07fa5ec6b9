import type { EntryError } from '../../../models/entry/measurement-entry.ts';
import { errorWords } from './entry-words.ts';

/** One value of an entry: its label, the number in the person's unit, and a plain message when it is refused. */
export function EntryField({
  id,
  label,
  unit,
  value,
  error,
  onChange,
  autoFocus = false,
}: {
  id: string;
  label: string;
  unit: string;
  value: string;
  error: EntryError | undefined;
  onChange: (v: string) => void;
  autoFocus?: boolean;
}) {
  const errId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <span className="with-unit">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          autoFocus={autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errId : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        <span className="unit">{unit}</span>
      </span>
      {error && (
        <p id={errId} className="error small" data-testid={`${id}-error`}>
          {errorWords(error, unit)}
        </p>
      )}
    </div>
  );
}
