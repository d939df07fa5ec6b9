export const BUDGET_KB: number;
export const LOADED_AT_START: string[];
export interface Chunk {
  file: string;
  raw: number;
  gzip: number;
}
/** The script URLs index.html loads. */
export function htmlScripts(html: string): string[];
/** The initial chunks of the build in `dist`, with raw and gzip bytes. */
export function initialChunks(dist: string): Promise<Chunk[]>;
export function checkBudget(
  dist: string,
  budgetKb?: number,
): Promise<{ ok: boolean; gzip: number; raw: number; chunks: Chunk[]; message: string }>;
