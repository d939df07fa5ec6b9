import { basename } from 'node:path';
import { test, expect } from './support/privacy.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { AppPage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { ProfilePage } from './pages/profile-page.ts';

/** A real Synthea FHIR export: female, born 1972-06-12, 172.9 cm measured 2020-01-20. */
const FHIR = 'test/fixtures/real/fhir-r4/inferno_synthea-v2.5_prediabetes-glucose2345_dab4861f.transaction.json';
const FILE = basename(FHIR);

test('journey: enter a profile → import a record that differs → the profile keeps what was entered, the differences are shown, and choosing the record’s value applies it', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.goto();
  await page.getByRole('link', { name: 'Set up your profile' }).click();
  const profile = new ProfilePage(page);
  await profile.enter({ birthDate: '1972-06-15', sex: 'Male', heightCm: 178 });

  // Import the record: it says Female, born 12 Jun 1972, 172.9 cm.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
  const imp = new ImportPage(page);
  await imp.choose([FHIR]);
  await expect(imp.results).toContainText('FHIR record:');
  // The result lists what the file says about the person and what it did not set.
  const said = imp.results.getByTestId('import-profile');
  await expect(said.locator('li[data-status="pending"]')).toHaveText([
    /^Date of birth: .+ — not changed, your profile says otherwise/,
    'Sex: Female — not changed, your profile says otherwise (choose below)',
    /^Height: 173 cm, measured .+ — not changed, your profile says otherwise/,
  ]);
  // The notice after the import: each difference in plain words, with the choice right there.
  await expect(profile.conflict('Sex')).toHaveText(
    new RegExp(`Your record \\(${FILE.replace(/\./g, '\\.')}\\) says Female; your profile says Male\\.`),
  );
  await expect(profile.conflict('Height')).toContainText('says 173 cm, measured');
  await expect(profile.conflict('Height')).toContainText('your profile says 178 cm');
  // From the fields the file would set, one step to the choices.
  await said.getByRole('button', { name: 'Choose which to keep' }).click();
  await expect(profile.conflicts.getByRole('heading', { level: 2 })).toBeFocused();
  await expectNoSeriousA11yViolations(page, 'import with profile conflicts');

  // The profile kept every value the person entered, and shows the same differences.
  await profile.open();
  await expect(profile.birthDate).toHaveValue('1972-06-15');
  await expect(profile.sex('Male')).toBeChecked();
  await expect(profile.height).toHaveValue('178');
  await expect(profile.conflicts.getByRole('group')).toHaveCount(3);
  await expectNoSeriousA11yViolations(page, 'profile with conflicts');

  // Choosing the record's sex applies it, field by field; keeping my birth date keeps it.
  await profile.choose('Sex', 'Use the record’s (Female)');
  await expect(profile.conflicts.getByRole('status')).toHaveText('Sex: now Female.');
  await expect(profile.sex('Female')).toBeChecked();
  await expect(profile.conflict('Sex')).toHaveCount(0);
  await profile.choose('Date of birth', /^Keep mine/);
  await expect(profile.conflict('Date of birth')).toHaveCount(0);
  await expect(profile.birthDate).toHaveValue('1972-06-15');
  await expect(profile.conflicts.getByRole('group')).toHaveCount(1);

  // The choices are stored: after a reload the profile says Female, born 15 Jun 1972, 178 cm.
  await page.reload();
  await expect(profile.sex('Female')).toBeChecked();
  await expect(profile.birthDate).toHaveValue('1972-06-15');
  await expect(profile.height).toHaveValue('178');
  await expect(profile.conflicts.getByRole('group')).toHaveCount(1);
});
