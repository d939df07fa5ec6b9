import { useLiveQuery } from 'dexie-react-hooks';
import { activityEvidence } from '../../data/profile-derived.ts';
import { workspaceDb, type Workspace } from '../../data/workspace.ts';
import { t } from '../i18n/index.ts';
import { agoText, dayRange } from './words.ts';

/**
 * What the exercise data suggests for an activity question, with its window and how old it is: a
 * suggestion the person may take; it never answers for them once they have answered, and an old or
 * short window not even then (src/data/profile-derived.ts).
 */
export function ActivitySuggestion({
  ws,
  question,
  label,
  answer,
  onUse,
}: {
  ws: Workspace;
  question: 'physicallyActive' | 'physicallyActiveDaily';
  /** The question's text, naming what the button answers. */
  label: string;
  answer: boolean | undefined;
  onUse: (value: boolean) => void;
}) {
  const evidence = useLiveQuery(() => activityEvidence(workspaceDb(ws)), [ws]);
  if (!evidence) return null;
  const suggested = evidence[question];
  const answerText = t(suggested ? 'profile.answer.yes' : 'profile.answer.no');
  return (
    <div className="suggestion small" data-testid={`suggestion-${question}`}>
      <p>
        {t('profile.derived.activity', {
          device: t(`profile.derived.device.${evidence.sourceKind}`),
          range: dayRange(evidence.from, evidence.to),
          days: evidence.days,
          ago: agoText(evidence.ageDays),
          minutes: evidence.minutesPerWeek,
          answer: answerText,
        })}{' '}
        {t(answer !== undefined ? 'profile.derived.overridden' : evidence.usable ? 'profile.derived.used' : 'profile.derived.notUsed')}
      </p>
      {answer !== suggested && (
        <button
          type="button"
          className="btn small"
          aria-label={t('profile.derived.useLabel', { answer: answerText, question: label })}
          onClick={() => onUse(suggested)}
        >
          {t('profile.derived.use', { answer: answerText })}
        </button>
      )}
    </div>
  );
}
