import type { TableDef } from '../schema'
import { PROJECT_CATEGORIES, PROJECT_LEVELS, PROJECT_STATUSES } from '../vocabulary'

export const keyProjects: TableDef = {
  name: 'key_projects',
  label: '重点项目',
  group: 'projects',
  description: '年度重点项目清单：每个清单年度一行，跨年项目在各年度清单中各有一行。',
  primaryKey: ['project_id'],
  provenance: 'sample',
  aliases: ['重点项目清单', '项目清单', '项目台账'],
  columns: [
    { name: 'project_id', label: '项目编号', type: 'VARCHAR', kind: 'id', required: true, aliases: ['编号', '项目代码', '项目ID'] },
    { name: 'year', label: '清单年度', type: 'INTEGER', kind: 'year', required: true, min: 2000, max: 2100, aliases: ['年度', '年份'] },
    { name: 'name', label: '项目名称', type: 'VARCHAR', kind: 'text', required: true, aliases: ['项目', '名称'] },
    { name: 'level', label: '项目层级', type: 'VARCHAR', kind: 'category', required: true, values: PROJECT_LEVELS, aliases: ['级别', '层级', '项目级别'] },
    { name: 'category', label: '项目类别', type: 'VARCHAR', kind: 'category', required: true, values: PROJECT_CATEGORIES, aliases: ['类别', '项目类型'] },
    { name: 'cluster_id', label: '产业集群', type: 'VARCHAR', kind: 'id', aliases: ['所属集群', '集群', '集群编号'] },
    { name: 'town_id', label: '所在镇区', type: 'VARCHAR', kind: 'id', required: true, aliases: ['镇区', '所属镇区', '建设地点'] },
    { name: 'german_cooperation', label: '对德合作', type: 'BOOLEAN', kind: 'boolean', required: true, aliases: ['是否对德合作', '对德合作项目'] },
    { name: 'owner_unit', label: '建设单位', type: 'VARCHAR', kind: 'text', aliases: ['业主单位', '项目单位'] },
    { name: 'total_investment', label: '总投资', type: 'DECIMAL(18,2)', kind: 'money', unit: '万元', required: true, min: 0, aliases: ['计划总投资', '总投资额'] },
    { name: 'year_plan_investment', label: '年度计划投资', type: 'DECIMAL(18,2)', kind: 'money', unit: '万元', required: true, min: 0, aliases: ['年度计划', '本年计划投资', '年计划投资'] },
    { name: 'start_date', label: '开工日期', type: 'DATE', kind: 'date', aliases: ['开工时间', '计划开工'] },
    { name: 'planned_finish', label: '计划竣工', type: 'DATE', kind: 'date', aliases: ['计划竣工日期', '竣工时间', '计划完工'] },
    { name: 'status', label: '项目状态', type: 'VARCHAR', kind: 'category', required: true, values: PROJECT_STATUSES, aliases: ['状态', '建设状态', '进展阶段'] },
  ],
  foreignKeys: [
    { column: 'cluster_id', references: { table: 'clusters', column: 'cluster_id' } },
    { column: 'town_id', references: { table: 'towns', column: 'town_id' } },
  ],
}

export const projectProgress: TableDef = {
  name: 'project_progress',
  label: '项目进度',
  group: 'projects',
  description: '重点项目每月完成投资（当月值）和形象进度（累计%）。',
  primaryKey: ['period', 'project_id'],
  periodColumn: 'period',
  provenance: 'sample',
  aliases: ['项目月度进度', '投资完成情况'],
  columns: [
    { name: 'period', label: '月份', type: 'VARCHAR', kind: 'period', required: true, aliases: ['期间', '统计月份', '年月'] },
    { name: 'project_id', label: '项目编号', type: 'VARCHAR', kind: 'id', required: true, aliases: ['项目代码', '项目ID'] },
    { name: 'investment_completed', label: '当月完成投资', type: 'DECIMAL(18,2)', kind: 'money', unit: '万元', required: true, min: 0, aliases: ['完成投资', '本月完成投资'] },
    { name: 'progress_pct', label: '形象进度', type: 'DOUBLE', kind: 'percent', unit: '%', min: 0, max: 100, aliases: ['进度', '工程进度'] },
  ],
  foreignKeys: [{ column: 'project_id', references: { table: 'key_projects', column: 'project_id' } }],
}
