/**
 * The importer's tables (src/import/formats/health-connect-tables.ts) against the fixture schema
 * transcribed from AOSP (tools/gen/health-connect-schema.ts): every table and column the importer
 * reads exists there, and every table names the AOSP file, repository and commit it came from.
 */
import { describe, expect, it } from 'vitest';
import { INSTANT_TABLES, INTERVAL_TABLES } from '../../../src/import/formats/health-connect-tables.ts';
import { TABLES } from '../../../tools/gen/health-connect-schema.ts';

const columns = new Map(TABLES.map((t) => [t.name, new Set(t.columns.map(([c]) => c))]));

describe('Health Connect schema', () => {
  it.each([...INSTANT_TABLES.map((t) => ['instant', t] as const), ...INTERVAL_TABLES.map((t) => ['interval', t] as const)])(
    '%s table %#: its columns are AOSP’s',
    (kind, t) => {
      const have = columns.get(t.table);
      expect(have, t.table).toBeDefined();
      const base = kind === 'instant' ? ['time', 'zone_offset'] : ['start_time', 'start_zone_offset', 'end_time', 'end_zone_offset'];
      for (const c of ['row_id', 'app_info_id', 'device_info_id', ...base, ...t.columns])
        expect(have!.has(c), `${t.table}.${c}`).toBe(true);
    },
  );

  it('every table records where in AOSP it came from', () => {
    for (const t of TABLES) {
      expect(t.from.repo).toMatch(/^[\w.-]+\/platform_packages_modules_HealthFitness$/);
      expect(t.from.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(t.from.path).toMatch(/^service\/java\/com\/android\/server\/healthconnect\/storage\/datatypehelpers\/\w+\.java$/);
    }
  });
});
