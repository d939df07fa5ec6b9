import { test, expect } from './support/privacy.ts';
import { AppPage } from './pages/app-page.ts';
import { ImportPage } from './pages/import-page.ts';
import { ProfilePage } from './pages/profile-page.ts';

/** A synthetic IHE XDM package as US patient portals give it (tools/gen/ccda-xdm.ts): one CCD with traps. */
const XDM = 'test/fixtures/synthetic/ccda/portal-xdm.zip';

test('a patient portal download (IHE XDM zip of a C-CDA): readings counted, problems and medicines reach the profile, a typed height is asked about, HTML stays text', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.goto();
  await page.getByRole('link', { name: 'Set up your profile' }).click();
  const profile = new ProfilePage(page);
  // The person types the same birth date and sex as the record, and another height.
  await profile.enter({ birthDate: '1962-03-14', sex: 'Female', heightCm: 170 });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
  const imp = new ImportPage(page);
  await imp.choose([XDM]);
  await expect(imp.results).toHaveCount(1);
  await expect(imp.failures).toHaveCount(0);
  await expect(imp.results).toContainText('Patient portal record (C-CDA):');
  await expect(imp.results).toContainText('6 added');
  const arrived = await imp.arrivals();
  expect(Object.fromEntries(Object.entries(arrived).map(([m, a]) => [m, a.count]))).toEqual({
    body_weight: 1,
    height: 1,
    systolic_bp: 1,
    diastolic_bp: 1,
    blood_glucose: 1,
    hba1c: 1,
  });
  // The nullFlavor values are listed with their place inside the package.
  await expect(imp.results).toContainText('IHE_XDM/SUBSET01/DOC0001.XML line 84');
  await expect(imp.results).toContainText('heart_rate: value is nullFlavor UNK (no value)');
  // A display name holding HTML is shown as its text: no element is made from it.
  await expect(imp.results).toContainText('<img src=x onerror="alert(1)">Sodium');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  // What the record says about the person: lists added (the person gave none), the typed height kept.
  const said = imp.results.getByTestId('import-profile');
  await expect(said.locator('li[data-status="pending"]')).toHaveText([
    /^Height: 165 cm, measured .+ — not changed, your profile says otherwise/,
  ]);
  await expect(said).toContainText('Type 2 diabetes');
  await expect(said).toContainText('Metformin');

  await profile.open();
  await expect(profile.height).toHaveValue('170');
  for (const name of ['Type 2 diabetes', 'High blood pressure', 'Metformin', 'A statin'])
    await expect(page.getByRole('checkbox', { name })).toBeChecked();
  // Resolved angina, the negated heart attack, stopped lisinopril and negated insulin set nothing.
  for (const name of ['Heart disease or stroke', 'Blood-pressure medication', 'Insulin'])
    await expect(page.getByRole('checkbox', { name })).not.toBeChecked();

  const stored = await imp.stored();
  expect(stored.imports).toEqual({ committed: 1 });
  expect(stored.samples).toMatchObject({ body_weight: 1, height: 1, blood_glucose: 1, hba1c: 1, systolic_bp: 1, diastolic_bp: 1 });
});
