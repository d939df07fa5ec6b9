import { useState } from 'react';
import { useSettings } from '../../data/hooks.ts';
import { setSetting, type Settings } from '../../data/settings.ts';
import { workspaceDb, type Workspace } from '../../data/workspace.ts';
import { useErased } from '../actions/erase.ts';
import { AboutSection } from '../components/AboutSection.tsx';
import { DeviceSection } from '../components/DeviceSection.tsx';
import { ExportSection } from '../components/ExportSection.tsx';

type UnitKey = 'glucoseUnit' | 'weightUnit' | 'hba1cUnit';
const UNITS: [UnitKey, string, [string, string][]][] = [
  ['glucoseUnit', 'Glucose and cholesterol', [['mg/dL', 'mg/dL'], ['mmol/L', 'mmol/L']]],
  ['weightUnit', 'Weight', [['kg', 'kilograms (kg)'], ['lb', 'pounds (lb)']]],
  ['hba1cUnit', 'HbA1c', [['%', '% (NGSP)'], ['mmol/mol', 'mmol/mol (IFCC)']]],
];

/** Units, storage, export, delete, this device, and about (model cards, not a medical device). */
export function SettingsPage({ ws }: { ws: Workspace }) {
  const erased = useErased();
  return erased ? <Erased /> : <SettingsScreen ws={ws} />;
}

function Erased() {
  return (
    <div className="settings">
      <h1>Settings</h1>
      <p role="status">Everything was deleted from this device.</p>
      <p><a href="#/">Start again</a></p>
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
      <h1 id="settings-title">Settings</h1>
      <p><a className="btn" href="#/profile">Your profile</a></p>
      <section aria-labelledby="units-title">
        <h2 id="units-title">Units</h2>
        <p className="muted small">Only how values are shown changes; what is stored stays in its original precision.</p>
        {settings && UNITS.map(([key, label, options]) => (
          <fieldset key={key} className="choice">
            <legend>{label}</legend>
            {options.map(([value, text]) => (
              <label key={value}>
                <input type="radio" name={key} value={value} checked={settings[key] === value}
                  onChange={() => choose(key, value)} /> {text}
              </label>
            ))}
          </fieldset>
        ))}
      </section>
      <ExportSection ws={ws} />
      <DeviceSection />
      <AboutSection />
    </div>
  );
}
