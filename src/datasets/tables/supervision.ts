import type { TableDef } from '../schema'
import {
  ACTIVITY_TYPES,
  MICRO_SUGGESTION_CATEGORIES,
  MICRO_SUGGESTION_STATUSES,
  SATISFACTION_LEVELS,
  SUGGESTION_CATEGORIES,
  SUGGESTION_STATUSES,
  SUPERVISION_AREAS,
} from '../vocabulary'

export const supervisionStats: TableDef = {
  name: 'supervision_stats',
  label: '年度履职统计',
  group: 'supervision',
  description: '常委会工作报告中的年度数字，逐字对应原文，每行注明出处。',
  primaryKey: ['year', 'metric_id'],
  provenance: 'report',
  aliases: ['履职统计', '工作报告数据'],
  columns: [
    { name: 'year', label: '年度', type: 'INTEGER', kind: 'year', required: true, min: 2000, max: 2100, aliases: ['年份'] },
    { name: 'metric_id', label: '指标编号', type: 'VARCHAR', kind: 'id', required: true, aliases: ['指标代码'] },
    { name: 'metric', label: '指标', type: 'VARCHAR', kind: 'text', required: true, aliases: ['指标名称', '项目'] },
    { name: 'value', label: '数值', type: 'DOUBLE', kind: 'number', required: true, min: 0, aliases: ['数量', '值'] },
    { name: 'unit', label: '单位', type: 'VARCHAR', kind: 'text', required: true, aliases: ['计量单位'] },
    { name: 'qualifier', label: '约数', type: 'VARCHAR', kind: 'text', aliases: ['修饰'], description: '原文为约数时的"余""多"' },
    { name: 'category', label: '工作类别', type: 'VARCHAR', kind: 'category', required: true, values: ['会议', '监督', '任免', '代表工作', '建议办理', '观察点', '其他'], aliases: ['类别'] },
    { name: 'source', label: '出处', type: 'VARCHAR', kind: 'text', required: true, aliases: ['来源', '数据来源'] },
    { name: 'quote', label: '原文', type: 'VARCHAR', kind: 'text', required: true, aliases: ['原文摘录'] },
  ],
  foreignKeys: [],
}

export const supervisionActivities: TableDef = {
  name: 'supervision_activities',
  label: '监督工作台账',
  group: 'supervision',
  description: '常委会会议、视察、执法检查等监督活动的台账；按年度和类型应与年度履职统计一致。',
  primaryKey: ['activity_id'],
  provenance: 'sample',
  aliases: ['监督台账', '活动台账', '履职活动'],
  columns: [
    { name: 'activity_id', label: '活动编号', type: 'VARCHAR', kind: 'id', required: true, aliases: ['编号'] },
    { name: 'date', label: '日期', type: 'DATE', kind: 'date', required: true, aliases: ['活动日期', '时间'] },
    { name: 'type', label: '活动类型', type: 'VARCHAR', kind: 'category', required: true, values: ACTIVITY_TYPES.map((t) => t.type), aliases: ['类型', '监督方式'] },
    { name: 'title', label: '议题', type: 'VARCHAR', kind: 'text', required: true, aliases: ['活动名称', '主题', '标题'] },
    { name: 'area', label: '领域', type: 'VARCHAR', kind: 'category', required: true, values: SUPERVISION_AREAS, aliases: ['工作领域', '类别'] },
    { name: 'deputies_count', label: '参加代表', type: 'INTEGER', kind: 'integer', unit: '人次', min: 0, aliases: ['代表人次', '参加代表人次'] },
  ],
  foreignKeys: [],
}

export const deputySuggestions: TableDef = {
  name: 'deputy_suggestions',
  label: '代表建议',
  group: 'supervision',
  description: '人代会期间代表提出的建议、批评和意见及其办理情况。',
  primaryKey: ['suggestion_id'],
  provenance: 'sample',
  aliases: ['建议办理', '代表建议办理'],
  columns: [
    { name: 'suggestion_id', label: '建议编号', type: 'VARCHAR', kind: 'id', required: true, aliases: ['编号', '建议号'] },
    { name: 'year', label: '年度', type: 'INTEGER', kind: 'year', required: true, min: 2000, max: 2100, aliases: ['年份'] },
    { name: 'title', label: '建议题目', type: 'VARCHAR', kind: 'text', required: true, aliases: ['题目', '标题', '案由'] },
    { name: 'deputy', label: '领衔代表', type: 'VARCHAR', kind: 'text', aliases: ['代表', '提出代表'] },
    { name: 'category', label: '类别', type: 'VARCHAR', kind: 'category', required: true, values: SUGGESTION_CATEGORIES, aliases: ['建议类别'] },
    { name: 'handling_unit', label: '主办单位', type: 'VARCHAR', kind: 'text', aliases: ['承办单位', '办理单位'] },
    { name: 'is_key', label: '重点督办', type: 'BOOLEAN', kind: 'boolean', required: true, aliases: ['是否重点', '重点建议', '重点处理'] },
    { name: 'status', label: '办理状态', type: 'VARCHAR', kind: 'category', required: true, values: SUGGESTION_STATUSES, aliases: ['状态'] },
    { name: 'replied_on', label: '答复日期', type: 'DATE', kind: 'date', aliases: ['答复时间', '办结日期'] },
    { name: 'satisfaction', label: '代表满意度', type: 'VARCHAR', kind: 'category', values: SATISFACTION_LEVELS, aliases: ['满意度', '测评结果'] },
  ],
  foreignKeys: [],
}

export const microSuggestions: TableDef = {
  name: 'micro_suggestions',
  label: '微建议',
  group: 'supervision',
  description: '代表网格化履职中提出的"微建议"及其解决情况。',
  primaryKey: ['micro_id'],
  provenance: 'sample',
  aliases: ['代表微建议', '网格微建议'],
  columns: [
    { name: 'micro_id', label: '编号', type: 'VARCHAR', kind: 'id', required: true, aliases: ['微建议编号'] },
    { name: 'submitted_on', label: '提出日期', type: 'DATE', kind: 'date', required: true, aliases: ['日期', '提出时间'] },
    { name: 'town_id', label: '所在镇区', type: 'VARCHAR', kind: 'id', required: true, aliases: ['镇区'] },
    { name: 'category', label: '类别', type: 'VARCHAR', kind: 'category', required: true, values: MICRO_SUGGESTION_CATEGORIES, aliases: ['问题类别'] },
    { name: 'summary', label: '内容摘要', type: 'VARCHAR', kind: 'text', required: true, aliases: ['内容', '建议内容'] },
    { name: 'status', label: '办理状态', type: 'VARCHAR', kind: 'category', required: true, values: MICRO_SUGGESTION_STATUSES, aliases: ['状态'] },
    { name: 'resolved_on', label: '解决日期', type: 'DATE', kind: 'date', aliases: ['办结日期'] },
  ],
  foreignKeys: [{ column: 'town_id', references: { table: 'towns', column: 'town_id' } }],
}
