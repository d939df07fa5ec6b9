import { useRouteParam } from '../hooks/useRoute.ts';
import { MakeBackup } from '../backup/MakeBackup.tsx';
import { MoveOut } from '../backup/MoveOut.tsx';
import { RestoreBackup } from '../backup/RestoreBackup.tsx';
import { t } from '../i18n/index.ts';

/**
 * Back up and restore (issue 19): the person's whole twin as one encrypted file, made in the import
 * worker (src/backup/), and that file (or Doppel's JSON export) put back in one step. `#/backup?move`
 * guides a move to a new device from the old one (the file, its code, what to do on the new one);
 * `#/backup?restore` (the welcome's "Restore a backup") puts restoring first, with the new device's steps.
 */
export function BackupPage() {
  const move = useRouteParam('move') !== undefined;
  // Opened as "Restore a backup" (welcome, lost data): the part the person came for comes first.
  const restoreFirst = useRouteParam('restore') !== undefined;
  if (move)
    return (
      <div className="profile backup">
        <h1 id="move-title">{t('move.title')}</h1>
        <MoveOut />
      </div>
    );
  // The old device's way to move: before making a backup, after restoring when that came first.
  const moveLink = (
    <p>
      <a className="btn" href="#/backup?move">
        {t('move.open')}
      </a>
    </p>
  );
  return (
    <div className="profile backup">
      <h1 id="backup-title">{t('backup.title')}</h1>
      <p className="muted">{t('backup.intro')}</p>
      {restoreFirst ? (
        <>
          <RestoreBackup moving />
          {moveLink}
          <MakeBackup />
        </>
      ) : (
        <>
          {moveLink}
          <MakeBackup />
          <RestoreBackup moving={false} />
        </>
      )}
    </div>
  );
}
