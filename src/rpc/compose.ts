/**
 * Composes a worker's API from its domains' handler objects (as Actual's server combines its apps):
 * each domain module (src/twin/forecast.ts, src/share/handlers.ts, …) declares its handlers and the
 * types they take and return; a worker entry (workers/*.worker.ts) only lists the domains it serves.
 */
type Intersect<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

/** One object holding every domain's handlers; two domains declaring the same name is a bug, caught here. */
export function composeHandlers<T extends Record<string, (...args: never[]) => unknown>[]>(...domains: T): Intersect<T[number]> {
  const api: Record<string, unknown> = {};
  for (const d of domains) {
    for (const [name, fn] of Object.entries(d)) {
      if (name in api) throw new Error(`Two domains declare the worker call "${name}"`);
      api[name] = fn;
    }
  }
  return api as Intersect<T[number]>;
}
