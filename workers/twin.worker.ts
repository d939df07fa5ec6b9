/** Twin worker: calibration, forecasts, risk and snapshots of the person's twin (timeline reads run in the read worker). */
import { snapshotHandlers } from '../src/twin/snapshot.ts';
import { forecastHandlers } from '../src/twin/forecast.ts';
import { riskHandlers } from '../src/twin/risk.ts';
import { ipsHandlers } from '../src/share/ips-export.ts';
import { composeHandlers } from '../src/rpc/compose.ts';
import { exposeApi } from './expose.ts';

const api = composeHandlers({ ping: (): string => 'twin' }, snapshotHandlers, forecastHandlers, riskHandlers, ipsHandlers);

export type TwinApi = typeof api;
exposeApi(api);
