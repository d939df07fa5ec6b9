import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as generated from '../../../models/risk/coefficients.generated.ts';
import { transcribe } from '../../../tools/gen/risk-coefficients.ts';

const MODELS_MD = resolve(__dirname, '../../../../shared/reference/models.md');

describe.skipIf(!existsSync(MODELS_MD))('risk coefficients match ../shared/reference/models.md', () => {
  it('every table, term and number is the published literal', () => {
    const fresh = transcribe(readFileSync(MODELS_MD, 'utf8'));
    for (const [name, table] of Object.entries(fresh)) {
      expect((generated as unknown as Record<string, unknown>)[name], name).toEqual(table);
    }
  });
});
