import { useState } from 'react';
import { useSettings } from '../../data/hooks.ts';
import { setSetting, type Settings } from '../../data/settings.ts';
import { workspaceDb, type Workspace } from '../../data/workspace.ts';
import { useErase, type ErasePhase } from '../actions/erase.ts';
import { AboutSection } from '../components/AboutSection.tsx';
import { DeviceSection } from '../components/DeviceSection.tsx';
import { ExportSection } from '../components/ExportSection.tsx';
import { LastBackupLine, PersistNote, ReminderSetting } from '../components/LastBackup.tsx';
import { KeptReview } from '../components/KeptReview.tsx';
import { t, type MessageKey } from '../i18n/index.ts';

type UnitKey = 'glucoseUnit' | 'weightUnit' | 'hba1cUnit' | 'creatinineUnit' | 'heightUnit';
/** Per setting: its label and its choices, each a value and its text (a unit symbol as it is, or a catalog key). */
const UNITS: [UnitKey, MessageKey, [string, string | { key: MessageKey }][]][] = [
  [
    'glucoseUnit',
    'settings.units.glucose',
    [
      ['mg/dL', 'mg/dL'],
      ['mmol/L', 'mmol/L'],
    ],
  ],
  [
    'weightUnit',
    'settings.units.weight',
    [
      ['kg', { key: 'settings.units.kg' }],
      ['lb', { key: 'settings.units.lb' }],
    ],
  ],
  [
    'hba1cUnit',
    'settings.units.hba1c',
    [
      ['%', { key: 'settings.units.ngsp' }],
      ['mmol/mol', { key: 'settings.units.ifcc' }],
    ],
  ],
  [
    'creatinineUnit',
    'settings.units.creatinine',
    [
      ['mg/dL', 'mg/dL'],
      ['µmol/L', 'µmol/L'],
    ],
  ],
  [
    'heightUnit',
    'settings.units.height',
    [
      ['cm', { key: 'settings.units.cm' }],
      ['ft/in', { key: 'settings.units.ftIn' }],
    ],
  ],
];

/** Units, storage, export, delete, this device, and about (model cards, not a medical device). */
export function SettingsPage({ ws }: { ws: Workspace }) {
  const erase = useErase();
  return erase.phase === 'idle' ? <SettingsScreen ws={ws} /> : <Erased erase={erase} />;
}

function Erased({ erase }: { erase: ErasePhase }) {
  return (
    <div className="settings">
      <h1>{t('settings.title')}</h1>
      {erase.phase === 'erasing' && (
        <p role="status" aria-busy="true">
          {t('settings.erasing')}
        </p>
      )}
      {erase.phase === 'done' && <p role="status">{t('settings.erased')}</p>}
      {erase.phase === 'failed' && (
        <p role="alert" className="error">
          {t('settings.eraseFailed', { error: erase.error })}
        </p>
      )}
      {erase.phase !== 'erasing' && (
        <p>
          <a href="#/">{t('settings.startAgain')}</a>
        </p>
      )}
    </div>
  );
}

function SettingsScreen({ ws }: { ws: Workspace }) {
  const stored = useSettings(ws);
  // The choice shows at once; the live query confirms it when the write lands.
  const [chosen, setChosen] = useState<Partial<Settings>>({});
  const settings = stored && { ...stored, ...chosen };
  const choose = (key: UnitKey, value: string): void => {
    setChosen((c) => ({ ...c, [key]: value }));
    void setSetting(workspaceDb(ws), key, value as Settings[UnitKey]);
  };
  return (
    <div className="settings">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <p>
        <a className="btn" href="#/profile">
          {t('settings.profile')}
        </a>
      </p>
      <section aria-labelledby="units-title">
        <h2 id="units-title">{t('settings.units')}</h2>
        <p className="muted small">{t('settings.unitsNote')}</p>
        {settings &&
          UNITS.map(([key, label, options]) => (
            <fieldset key={key} className="choice">
              <legend>{t(label)}</legend>
              {options.map(([value, text]) => (
                <label key={value}>
                  <input type="radio" name={key} value={value} checked={settings[key] === value} onChange={() => choose(key, value)} />{' '}
                  {typeof text === 'string' ? text : t(text.key)}
                </label>
              ))}
            </fieldset>
          ))}
      </section>
      {ws !== 'review' && (
        <section aria-labelledby="backup-section-title">
          <h2 id="backup-section-title">{t('backup.title')}</h2>
          <p>{t('settings.backup.intro')}</p>
          <p>
            <LastBackupLine className="" />
          </p>
          <p>
            <a className="btn" href="#/backup">
              {t('backup.open')}
            </a>{' '}
            <a className="btn" href="#/backup?move">
              {t('move.open')}
            </a>
          </p>
          <ReminderSetting />
          <PersistNote />
        </section>
      )}
      <ExportSection ws={ws} />
      {ws !== 'review' && <KeptReview />}
      <DeviceSection />
      <AboutSection glucoseUnit={settings?.glucoseUnit} />
    </div>
  );
}
