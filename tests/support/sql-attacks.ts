/**
 * Hostile SQL for the read-only tests: writes of every kind DuckDB has, and ways to hide a
 * second statement from a reader that lexes SQL differently from DuckDB.
 */
/** Writes of every kind DuckDB has, aimed at the embedded tables. */
export const WRITES = [
  'DELETE FROM point_issues',
  "UPDATE observation_points SET name = '已被看板篡改'",
  'CREATE TABLE pwned AS SELECT 1 AS x',
  'CREATE OR REPLACE TABLE clusters AS SELECT 1 AS x',
  'INSERT INTO clusters SELECT * FROM clusters',
  'INSERT OR REPLACE INTO clusters SELECT * FROM clusters',
  'DROP TABLE key_projects',
  'ALTER TABLE clusters RENAME TO clusters_old',
  'TRUNCATE point_issues',
  'DELETE FROM point_issues RETURNING *',
  "UPDATE clusters SET name = 'x' RETURNING *",
  'MERGE INTO clusters USING clusters AS s ON clusters.cluster_id = s.cluster_id WHEN MATCHED THEN DELETE',
  "COPY clusters TO 'pwned.csv'",
  "COPY clusters FROM 'data/clusters.csv'",
  "EXPORT DATABASE 'pwned_dir'",
  "IMPORT DATABASE 'pwned_dir'",
  "ATTACH ':memory:' AS pwned_db",
  'DETACH temp',
  'USE temp',
  'SET threads = 1',
  'SET GLOBAL autoload_known_extensions = true',
  'RESET autoinstall_known_extensions',
  'SET VARIABLE pwned = 1',
  'CALL checkpoint()',
  'CHECKPOINT',
  'FORCE CHECKPOINT',
  'PRAGMA enable_profiling',
  'PRAGMA threads = 1',
  'INSTALL json',
  'LOAD json',
  'CREATE MACRO pwned(x) AS x',
  'CREATE TEMP MACRO pwned_t(x) AS x',
  "CREATE TYPE pwned_mood AS ENUM ('a', 'b')",
  'CREATE VIEW pwned_v AS SELECT 1',
  'CREATE SEQUENCE pwned_seq',
  'CREATE SCHEMA pwned_schema',
  'CREATE INDEX pwned_idx ON clusters (cluster_id)',
  "COMMENT ON TABLE clusters IS 'pwned'",
  'BEGIN TRANSACTION',
  'COMMIT',
  'ROLLBACK',
  'VACUUM',
  'ANALYZE',
  "SELECT nextval('fixture_seq')",
  'PIVOT point_issues ON status USING count(*)',
  'EXPLAIN ANALYZE DELETE FROM point_issues',
]

/** Ways to hide a second statement from a naive reader, for a wrapper of `k` parentheses. */
export const TRICKS: Record<string, (k: number, write: string) => string> = {
  plain: (k, w) => `SELECT 1 AS a${')'.repeat(k)}; ${w}; SELECT * FROM ${'('.repeat(k)}SELECT 1 AS b`,
  // The issue's pin: DuckDB reads 中$$ as an identifier, a naive reader as the start of a $$ string.
  cjkDollar: (k, w) => `SELECT 1 AS 中$$${')'.repeat(k)}; ${w}; SELECT * FROM ${'('.repeat(k)}SELECT 1 AS 中$$`,
  // 中E'…' is a typed literal (a plain string) to DuckDB, an E'…' string with \' escapes to a naive reader.
  cjkEscape: (k, w) => `SELECT 中E'\\' AS a${')'.repeat(k)}; ${w}; SELECT * FROM ${'('.repeat(k)}SELECT '\\' AS b`,
  // DuckDB ends a -- comment at a carriage return too.
  crComment: (k, w) => `SELECT 1 AS a -- note\r${')'.repeat(k)}; ${w}; SELECT * FROM ${'('.repeat(k)}SELECT 1 AS b`,
  dollarTag: (k, w) => `SELECT $t$x;$t$ AS a${')'.repeat(k)}; ${w}; SELECT * FROM ${'('.repeat(k)}SELECT $t$;y$t$ AS b`,
  unicodeTag: (k, w) =>
    `SELECT $标$;$标$ AS a${')'.repeat(k)}; ${w}; SELECT * FROM ${'('.repeat(k)}SELECT $标$;$标$ AS b`,
  nestedComment: (k, w) =>
    `SELECT /* /* ; */ ; */ 1 AS a${')'.repeat(k)}; /* ; */ ${w}; SELECT * FROM ${'('.repeat(k)}SELECT 1 AS b`,
  formFeed: (k, w) => `SELECT 1 AS a\f${')'.repeat(k)}\f;\f${w}\f;\fSELECT * FROM ${'('.repeat(k)}SELECT 1 AS b`,
  strings: (k, w) =>
    `SELECT 'a;b' AS "x;y", E'\\';' AS c${')'.repeat(k)}; ${w}; SELECT * FROM ${'('.repeat(k)}SELECT 'c;' AS "表;名"`,
  backslash: (k, w) => `SELECT 1 AS a${')'.repeat(k)} \\; ${w} \\; SELECT * FROM ${'('.repeat(k)}SELECT 1 AS b`,
  unicodeIdent: (k, w) =>
    `SELECT 1 AS "表;名", 2 AS 名称${')'.repeat(k)};${w};SELECT * FROM ${'('.repeat(k)}SELECT 1 AS 名`,
  nestedSubquery: (k, w) =>
    `SELECT * FROM (SELECT * FROM (SELECT 1 AS a))${')'.repeat(k)}; ${w}; SELECT * FROM ${'('.repeat(k)}(SELECT 1 AS b)`,
}

/** Single statements that write while looking like (or wrapping) a query. */
export const DISGUISED = [
  'WITH x AS (SELECT 1) DELETE FROM point_issues',
  'WITH d AS (DELETE FROM point_issues RETURNING *) SELECT * FROM d',
  'SELECT * FROM (DELETE FROM point_issues RETURNING *)',
  'SUMMARIZE DELETE FROM point_issues',
  'SUMMARIZE (DELETE FROM point_issues RETURNING *)',
  'SUMMARIZE SELECT * FROM (DELETE FROM point_issues RETURNING *)',
  'DESCRIBE DELETE FROM point_issues',
  "SELECT * FROM query('DELETE FROM point_issues')",
  "SELECT * FROM query('SELECT 1; DELETE FROM point_issues')",
  'SELECT * INTO pwned FROM clusters',
  'FROM point_issues; DELETE FROM point_issues',
  'SELECT * FROM (PIVOT point_issues ON status USING count(*))',
  'SELECT 1 AS 中$$; DELETE FROM point_issues; SELECT 1 AS 中$$',
]

/** The issue's own pin, shaped for the pin's DESCRIBE wrapper (two parentheses) and for the chart's (one). */
export const ISSUE_PINS = [
  `SELECT 1 AS 中$$)); CREATE TABLE pwned AS SELECT 1; UPDATE observation_points SET name = '已被看板篡改'; DELETE FROM point_issues; SELECT * FROM ((SELECT 1 AS 中$$`,
  'SELECT 1 AS 中$$) AS s; DELETE FROM key_projects; SELECT * FROM (SELECT 1 AS x, 1 AS value, 1 AS 中$$',
]

export function corpus(): string[] {
  const texts = [...ISSUE_PINS, ...DISGUISED, ...WRITES]
  const tricks = Object.values(TRICKS)
  WRITES.forEach((w, i) => {
    tricks.forEach((trick, j) => texts.push(trick((i + j) % 4, w)))
  })
  // The issue's payload behind every trick at every depth.
  for (const trick of tricks) for (let k = 0; k < 4; k++) texts.push(trick(k, 'DELETE FROM point_issues'))
  return texts
}
