import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRecords, MAX_CSV_FIELDS } from '../../../src/import/csv.ts';

describe('CSV records past the limits', () => {
  it('a record with more fields than the limit is refused at the limit, before the rest of the line is read', async () => {
    let pulled = 0;
    async function* commas(): AsyncGenerator<string> {
      yield 'a,b\n';
      for (;;) {
        pulled++;
        yield ','.repeat(1000);
      }
    }
    const read = async (): Promise<void> => {
      for await (const _ of csvRecords(commas())) {
        /* read */
      }
    };
    await expect(read()).rejects.toMatchObject({ name: 'ImportError', code: 'MALFORMED', where: 'line 2' });
    expect(pulled).toBe(Math.ceil(MAX_CSV_FIELDS / 1000));
  });

  it('the CLI exits 2 with what and where for a line of commas', () => {
    const dir = mkdtempSync(join(tmpdir(), 'doppel-csv-'));
    const path = join(dir, 'weights.csv');
    writeFileSync(path, `time,metric,value,unit,source\n2024-05-01T07:30:00+02:00,body_weight,82.4,kg,Scale\n${','.repeat(100_000)}\n`);
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'tools/cli/main.ts', 'import', '--json', path], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      error: `${path}: Line 3 has more than 4096 fields: no health export's CSV is that wide (at line 3)`,
    });
  });
});
