import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, importFile, report, SHARED } from './helpers.ts';
import { useFreshDbs } from '../data/helpers.ts';

/**
 * Real exports whose source repositories carry no licence: read in place from ../shared (never
 * copied into this repository); these tests skip where ../shared is absent.
 */
const db = useFreshDbs();

describe.skipIf(!hasShared)('real exports from ../shared (unlicensed: read in place)', () => {
  it('k0rventen export.zip (DTD v13, 8,038 records, HRV lists, GPX routes)', async () => {
    const d = db();
    const r = await importFile(d, join(SHARED, '_unlicensed/apple-health/k0rventen-apple-health-grafana_test-export.zip'));
    expect(r.format).toBe('apple-health-zip');
    expect(r.rejected).toEqual([]);
    expect(r.ignored).toMatchObject({
      'GPX route': 2,
      HKQuantityTypeIdentifierFlightsClimbed: 400,
      HKCategoryValueSleepAnalysisInBed: 233,
    });
    const rep = await report(d);
    expect(rep.metrics.heart_rate!.count).toBe(400);
    expect(rep.metrics.steps!.count).toBe(400);
    expect(rep.metrics.hrv_sdnn!.count).toBe(400);
    expect(rep.profile.heightCm).toBe(178);
  });

  it('grll export.xml v14 (full DTD, mmol<…>/L glucose, BP correlation, Cal, body-fat fraction)', async () => {
    const d = db();
    const r = await importFile(d, join(SHARED, '_unlicensed/apple-health/grll-apple-health-mcp_export_v14.xml'));
    expect(r.rejected).toEqual([]);
    const rep = await report(d);
    expect(rep.metrics.blood_glucose).toMatchObject({ count: 2, unit: 'mg/dL' });
    expect(rep.metrics.blood_glucose!.min).toBeGreaterThan(70);
    expect(rep.metrics.body_fat_percentage).toMatchObject({ count: 1, min: 18.5 });
    expect(rep.metrics.systolic_bp).toMatchObject({ count: 1, min: 136 });
    expect(rep.metrics.diastolic_bp).toMatchObject({ count: 1, min: 69 });
    expect(rep.profile).toEqual({ birthDate: '1995-01-15', sex: 'male', heightCm: 180 });
  });
});
