import { anchorYearSql, type ScopeAnchor } from './scope'
import { quoteIdent } from './sql'

/** The choices a filter bar offers, from the data itself. */
export interface FilterOptionsRow {
  readonly kind: 'year' | 'cluster' | 'town'
  readonly value: string
  readonly label: string
  readonly sort: number
}

/** Years with data in the anchor table, every cluster, every town: one query for the whole bar. */
export function filterOptionsSql(anchor: ScopeAnchor): string {
  const year = anchorYearSql(anchor)
  return `SELECT 'year' AS "kind", CAST(y AS VARCHAR) AS "value", CAST(y AS VARCHAR) || '年' AS "label", -y AS "sort"
FROM (SELECT DISTINCT ${year} AS y FROM ${quoteIdent(anchor.table)} WHERE ${year} IS NOT NULL)
UNION ALL SELECT 'cluster', "cluster_id", "name", "sort_order" FROM "clusters"
UNION ALL SELECT 'town', "town_id", "name", "sort_order" FROM "towns"
ORDER BY "kind", "sort"`
}
