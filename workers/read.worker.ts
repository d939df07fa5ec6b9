/**
 * Read worker: timeline reads (raw samples, the AGP report) and the share screen's count of what a
 * file would hold, kept apart from the twin worker so that a calibration there (~0.6 s of
 * synchronous work) never holds up a chart.
 */
import { timelineHandlers } from '../src/twin/timeline.ts';
import { sharePreviewHandlers } from '../src/share/preview.ts';
import { composeHandlers } from '../src/rpc/compose.ts';
import { exposeApi } from './expose.ts';

const api = composeHandlers({ ping: (): string => 'read' }, timelineHandlers, sharePreviewHandlers);

export type ReadApi = typeof api;
exposeApi(api);
