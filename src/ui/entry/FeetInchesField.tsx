import type { EntryError } from '../../../models/entry/measurement-entry.ts';
import { CM_PER_INCH } from '../../../models/units.ts';
import { formatFeetInches } from '../format.ts';
import { t, type MessageKey } from '../i18n/index.ts';

export interface FeetInches {
  feet: string;
  inches: string;
}

/** A height refused in feet and inches, as a plain sentence (its range in feet and inches too). */
function feetInchesError(e: EntryError): string {
  if (e.code === 'tooLow' || e.code === 'tooHigh')
    return t(`entry.error.${e.code}Height`, {
      min: formatFeetInches((e.min ?? 0) * CM_PER_INCH),
      max: formatFeetInches((e.max ?? 0) * CM_PER_INCH),
    });
  return t(`entry.error.${e.code}` as MessageKey);
}

/** A height entered as feet and inches (the ft/in setting): two numbers under one legend, one message. */
export function FeetInchesField({
  id,
  legend,
  value,
  error,
  onChange,
  autoFocus = false,
}: {
  id: string;
  legend: string;
  value: FeetInches;
  error: EntryError | undefined;
  onChange: (v: FeetInches) => void;
  autoFocus?: boolean;
}) {
  const errId = `${id}-error`;
  return (
    <fieldset className="field" aria-describedby={error ? errId : undefined}>
      <legend>{legend}</legend>
      <div className="row">
        {(['feet', 'inches'] as const).map((part) => (
          <label key={part} className="inline">
            <input
              id={part === 'feet' ? id : `${id}-inches`}
              type="text"
              inputMode={part === 'feet' ? 'numeric' : 'decimal'}
              autoComplete="off"
              size={4}
              value={value[part]}
              autoFocus={autoFocus && part === 'feet'}
              aria-invalid={error ? true : undefined}
              onChange={(e) => onChange({ ...value, [part]: e.target.value })}
            />{' '}
            {t(part === 'feet' ? 'profile.heightFeet' : 'profile.heightInches')}
          </label>
        ))}
      </div>
      {error && (
        <p id={errId} className="error small" data-testid={`${id}-error`}>
          {feetInchesError(error)}
        </p>
      )}
    </fieldset>
  );
}
