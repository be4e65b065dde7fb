import type { TableDef } from '../schema'
import { LIVELIHOOD_CATEGORIES } from '../vocabulary'

export const livelihoodItems: TableDef = {
  name: 'livelihood_items',
  label: '民生实事',
  group: 'livelihood',
  description: '人大代表票决的年度民生实事项目（2024年20项）。',
  primaryKey: ['item_id'],
  provenance: 'sample',
  aliases: ['民生实事项目', '票决项目'],
  columns: [
    { name: 'item_id', label: '项目编号', type: 'VARCHAR', kind: 'id', required: true, aliases: ['编号', '实事编号'] },
    { name: 'year', label: '年度', type: 'INTEGER', kind: 'year', required: true, min: 2000, max: 2100, aliases: ['年份'] },
    { name: 'name', label: '项目名称', type: 'VARCHAR', kind: 'text', required: true, aliases: ['实事项目', '名称'] },
    { name: 'category', label: '类别', type: 'VARCHAR', kind: 'category', required: true, values: LIVELIHOOD_CATEGORIES, aliases: ['领域', '项目类别'] },
    { name: 'votes_for', label: '赞成票', type: 'INTEGER', kind: 'integer', unit: '票', required: true, min: 0, aliases: ['得票数', '赞成票数'] },
    { name: 'votes_cast', label: '投票数', type: 'INTEGER', kind: 'integer', unit: '票', required: true, min: 0, aliases: ['参加投票', '有效票', '投票总数'] },
    { name: 'budget', label: '预算', type: 'DECIMAL(18,2)', kind: 'money', unit: '万元', required: true, min: 0, aliases: ['计划投资', '预算资金', '资金预算'] },
    { name: 'responsible_unit', label: '责任单位', type: 'VARCHAR', kind: 'text', required: true, aliases: ['牵头单位', '承办单位'] },
    { name: 'target', label: '目标任务', type: 'VARCHAR', kind: 'text', required: true, aliases: ['建设内容', '目标'] },
    { name: 'target_value', label: '目标值', type: 'DOUBLE', kind: 'number', min: 0, aliases: ['目标数量'] },
    { name: 'target_unit', label: '目标单位', type: 'VARCHAR', kind: 'text', aliases: ['单位', '计量单位'] },
  ],
  foreignKeys: [],
}

export const livelihoodProgress: TableDef = {
  name: 'livelihood_progress',
  label: '民生实事进度',
  group: 'livelihood',
  description: '民生实事每月累计进度、累计支出和完成量；满意度只在年末测评月填写。',
  primaryKey: ['period', 'item_id'],
  periodColumn: 'period',
  provenance: 'sample',
  aliases: ['实事进度', '民生实事推进情况'],
  columns: [
    { name: 'period', label: '月份', type: 'VARCHAR', kind: 'period', required: true, aliases: ['期间', '统计月份', '年月'] },
    { name: 'item_id', label: '项目编号', type: 'VARCHAR', kind: 'id', required: true, aliases: ['实事编号', '编号'] },
    { name: 'progress_pct', label: '累计进度', type: 'DOUBLE', kind: 'percent', unit: '%', required: true, min: 0, max: 100, aliases: ['进度', '完成进度'] },
    { name: 'spent', label: '累计支出', type: 'DECIMAL(18,2)', kind: 'money', unit: '万元', min: 0, aliases: ['已支出', '资金支出', '累计拨付'] },
    { name: 'completed_value', label: '累计完成量', type: 'DOUBLE', kind: 'number', min: 0, aliases: ['完成量', '完成数'] },
    { name: 'satisfaction', label: '满意度', type: 'DOUBLE', kind: 'percent', unit: '%', min: 0, max: 100, aliases: ['满意率', '年末满意度'] },
  ],
  foreignKeys: [{ column: 'item_id', references: { table: 'livelihood_items', column: 'item_id' } }],
}
