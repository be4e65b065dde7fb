/**
 * Renders docs/DATA-MODEL.md from the dataset registry, so the document cannot drift from
 * the code: `npm run docs` rewrites it, and a test fails when it is out of date.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { headerAliases } from '../src/datasets/headers'
import { columnHeading, TABLES } from '../src/datasets/registry'

const PREAMBLE = `# Data model

Generated from the dataset registry (\`src/datasets/tables/*.ts\`) by \`npm run docs\`; do not
edit by hand. The registry is the one source of truth that loading, validation, tables and
exports read. Money is in 万元 unless a column says otherwise; months are \`YYYY-MM\` text.

## Changes from the proposal in shared/docs/DATA-MODEL.md

- **\`key_projects.year\`** (清单年度): key projects are published as an annual list, and a
  project that spans years has a plan for each year. Each list year has its own row (its own
  \`project_id\`), so "this year's plan vs completed" is one filter, not a guess.
- **\`key_projects.category\`** (产业项目/基础设施/社会民生) and **\`owner_unit\`**; \`cluster_id\`
  is optional because infrastructure and public-service projects belong to no cluster.
- **\`observation_points.industry\`** (细分行业); ownership uses 国有/民营/外资/中外合资, since
  "内资" overlaps both 国有 and 民营.
- **\`clusters.cluster_group\`** instead of \`group\` (a SQL keyword); **\`sort_order\`** on towns.
- **\`livelihood_items.target_unit\`** instead of \`unit\`, which read like the display unit.
  \`livelihood_progress.spent\` and \`completed_value\` are cumulative; \`satisfaction\` is
  filled only in the year-end survey month.
- **\`supervision_stats\`** gains \`metric_id\` (a stable key: the reports word the same
  measure differently from year to year, 视察 in 2022 and 专题视察 in 2024), \`qualifier\`
  (余/多 for the reports' approximate figures), \`category\` and \`quote\` (the report's own
  words, so every figure can be checked against the source).
- **\`supervision_activities.type\`** uses a fixed vocabulary, each type tied to the
  \`metric_id\` it is reconciled with.
- **\`deputy_suggestions.deputy\`** (领衔代表).
- **\`micro_suggestions\`** (微建议): a new table, the ledger behind the reports' micro-suggestion
  counts (433 raised and 406 resolved in 2022; 342 raised and resolved in 2024).
- The annual ledgers (activities, suggestions, micro-suggestions) start in 2022, so both
  report years can be reconciled; monthly tables start in 2023-01.

Every table also lists its **header aliases**: the spellings of each column an uploaded CSV
may use (Chinese and English, with or without the unit, full- or half-width brackets).
`

export function renderDataModel(): string {
  const parts = [PREAMBLE]
  for (const t of TABLES) {
    parts.push(`\n## \`${t.name}\` ${t.label}\n\n${t.description}\n`)
    parts.push(
      `- primary key: ${t.primaryKey.map((k) => `\`${k}\``).join(' + ')}` +
        (t.foreignKeys.length
          ? `\n- references: ${t.foreignKeys.map((fk) => `\`${fk.column}\` → \`${fk.references.table}.${fk.references.column}\``).join(', ')}`
          : '') +
        `\n- embedded data: ${{ sample: '示例数据 (synthetic)', report: 'exact report figures', reference: 'reference names' }[t.provenance]}\n`,
    )
    parts.push(
      '\n| column | 中文 | type | unit | required | allowed values / range | header aliases |\n|---|---|---|---|---|---|---|',
    )
    for (const c of t.columns) {
      const range = c.values
        ? c.values.join('、')
        : [c.min !== undefined ? `≥ ${c.min}` : '', c.max !== undefined ? `≤ ${c.max}` : ''].filter(Boolean).join(', ')
      const aliases = [...headerAliases(c)]
        .filter((a) => (!a.includes('(') && !a.includes('/') && !a.includes('_')) || a === c.name)
        .join(', ')
      parts.push(
        `| \`${c.name}\` | ${columnHeading(c)} | ${c.type} | ${c.unit ?? ''} | ${c.required ? 'yes' : ''} | ${range} | ${aliases} |`,
      )
    }
  }
  return parts.join('\n') + '\n'
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('../docs/DATA-MODEL.md', import.meta.url), renderDataModel())
  console.log('docs/DATA-MODEL.md written')
}
