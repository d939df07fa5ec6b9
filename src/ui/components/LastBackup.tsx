import { useLastBackup } from '../actions/backup-date.ts';
import { formatDate } from '../format.ts';
import { t } from '../i18n/index.ts';

/** "Last backup: <date>" or "Never backed up" (Settings, the backup screen and the twin screen). */
export function LastBackupLine({ className = 'muted small' }: { className?: string }) {
  const at = useLastBackup();
  return (
    <span className={className} data-testid="last-backup">
      {at === undefined ? t('backup.never') : t('backup.last', { date: formatDate(at) })}
    </span>
  );
}
