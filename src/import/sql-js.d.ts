/** The part of sql.js (MIT, https://github.com/sql-js/sql.js) Doppel uses; the package ships no types. */
declare module 'sql.js' {
  export type SqlValue = number | string | Uint8Array | null;
  export interface QueryExecResult {
    columns: string[];
    values: SqlValue[][];
  }
  export interface Statement {
    bind(values?: SqlValue[]): boolean;
    step(): boolean;
    get(): SqlValue[];
    free(): boolean;
    /** Binds, steps once and resets (the generator's inserts). */
    run(values?: SqlValue[]): void;
  }
  export interface Database {
    exec(sql: string): QueryExecResult[];
    prepare(sql: string): Statement;
    close(): void;
    /** The database file's bytes (the fixture generator). */
    export(): Uint8Array;
  }
  export interface SqlJsStatic {
    Database: new (data?: Uint8Array) => Database;
  }
  export interface SqlJsConfig {
    locateFile?: (file: string) => string;
    wasmBinary?: ArrayBuffer | Uint8Array;
  }
  const initSqlJs: (config?: SqlJsConfig) => Promise<SqlJsStatic>;
  export default initSqlJs;
}
