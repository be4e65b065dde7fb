import type { TableDef } from '../schema'
import { ISSUE_CATEGORIES, ISSUE_STATUSES, OWNERSHIP } from '../vocabulary'

export const observationPoints: TableDef = {
  name: 'observation_points',
  label: '观察点',
  group: 'observation',
  description: '人大代表经济运行观察点（2024年设立19家）。示例数据中的企业和代表姓名均为虚构。',
  primaryKey: ['point_id'],
  provenance: 'sample',
  aliases: ['经济运行观察点', '观察点企业', '观察点名单'],
  columns: [
    { name: 'point_id', label: '观察点编号', type: 'VARCHAR', kind: 'id', required: true, aliases: ['观察点代码', '企业编号', '观察点ID'] },
    { name: 'name', label: '企业名称', type: 'VARCHAR', kind: 'text', required: true, aliases: ['观察点名称', '观察点', '企业', '单位名称'] },
    { name: 'cluster_id', label: '产业集群', type: 'VARCHAR', kind: 'id', required: true, aliases: ['所属集群', '集群', '集群编号'] },
    { name: 'town_id', label: '所在镇区', type: 'VARCHAR', kind: 'id', required: true, aliases: ['镇区', '所属镇区', '镇区编号'] },
    { name: 'industry', label: '细分行业', type: 'VARCHAR', kind: 'text', aliases: ['行业', '所属行业'] },
    { name: 'established_on', label: '设立日期', type: 'DATE', kind: 'date', required: true, aliases: ['设立时间', '挂牌日期'] },
    { name: 'deputy', label: '联系代表', type: 'VARCHAR', kind: 'text', aliases: ['人大代表', '代表', '联系人大代表'] },
    { name: 'ownership', label: '企业性质', type: 'VARCHAR', kind: 'category', values: OWNERSHIP, aliases: ['所有制', '经济类型'] },
    { name: 'german_cooperation', label: '对德合作', type: 'BOOLEAN', kind: 'boolean', aliases: ['是否对德合作', '德资/对德'] },
    { name: 'employees', label: '员工人数', type: 'INTEGER', kind: 'integer', unit: '人', min: 0, aliases: ['职工人数', '从业人员'] },
  ],
  foreignKeys: [
    { column: 'cluster_id', references: { table: 'clusters', column: 'cluster_id' } },
    { column: 'town_id', references: { table: 'towns', column: 'town_id' } },
  ],
}

export const pointIndicators: TableDef = {
  name: 'point_indicators',
  label: '观察点月度指标',
  group: 'observation',
  description: '每个观察点每月一行，数值为当月值（非累计）；累计和同比在 SQL 中计算。',
  primaryKey: ['period', 'point_id'],
  periodColumn: 'period',
  provenance: 'sample',
  aliases: ['月度指标', '观察点指标', '经济运行指标'],
  columns: [
    { name: 'period', label: '月份', type: 'VARCHAR', kind: 'period', required: true, aliases: ['期间', '统计月份', '年月', '时间', '报告期'] },
    { name: 'point_id', label: '观察点编号', type: 'VARCHAR', kind: 'id', required: true, aliases: ['观察点代码', '企业编号', '观察点ID'] },
    { name: 'output_value', label: '产值', type: 'DECIMAL(18,2)', kind: 'money', unit: '万元', min: 0, aliases: ['工业产值', '当月产值', '总产值', 'output'] },
    { name: 'revenue', label: '营业收入', type: 'DECIMAL(18,2)', kind: 'money', unit: '万元', min: 0, aliases: ['营收', '主营业务收入', '销售收入'] },
    { name: 'tax', label: '纳税额', type: 'DECIMAL(18,2)', kind: 'money', unit: '万元', min: 0, aliases: ['税收', '纳税', '入库税金', '税金'] },
    { name: 'electricity', label: '用电量', type: 'DECIMAL(18,2)', kind: 'number', unit: '万千瓦时', min: 0, aliases: ['工业用电量', '用电', '电量'] },
    { name: 'employees', label: '用工人数', type: 'INTEGER', kind: 'integer', unit: '人', min: 0, aliases: ['从业人员', '员工人数', '职工人数', '用工'] },
    { name: 'export_value', label: '出口额', type: 'DECIMAL(18,2)', kind: 'money', unit: '万元', min: 0, aliases: ['出口交货值', '出口', '出口总额'] },
    { name: 'new_orders', label: '新增订单', type: 'DECIMAL(18,2)', kind: 'money', unit: '万元', min: 0, aliases: ['新签订单', '订单额', '新增订单额'] },
    { name: 'rd_expense', label: '研发投入', type: 'DECIMAL(18,2)', kind: 'money', unit: '万元', min: 0, aliases: ['研发费用', 'R&D投入', '研发经费'] },
    { name: 'capacity_utilization', label: '产能利用率', type: 'DOUBLE', kind: 'percent', unit: '%', min: 0, max: 100, aliases: ['开工率', '产能利用'] },
  ],
  foreignKeys: [{ column: 'point_id', references: { table: 'observation_points', column: 'point_id' } }],
}

export const pointIssues: TableDef = {
  name: 'point_issues',
  label: '观察点反映问题',
  group: 'observation',
  description: '观察点企业反映的困难和问题及其交办、办结情况。',
  primaryKey: ['issue_id'],
  provenance: 'sample',
  aliases: ['反映问题', '问题清单', '企业诉求'],
  columns: [
    { name: 'issue_id', label: '问题编号', type: 'VARCHAR', kind: 'id', required: true, aliases: ['编号', '问题ID'] },
    { name: 'point_id', label: '观察点编号', type: 'VARCHAR', kind: 'id', required: true, aliases: ['观察点代码', '企业编号'] },
    { name: 'reported_on', label: '反映日期', type: 'DATE', kind: 'date', required: true, aliases: ['反映时间', '提出日期'] },
    { name: 'category', label: '问题类别', type: 'VARCHAR', kind: 'category', required: true, values: ISSUE_CATEGORIES, aliases: ['类别', '问题类型'] },
    { name: 'summary', label: '问题摘要', type: 'VARCHAR', kind: 'text', required: true, aliases: ['问题描述', '主要问题', '内容'] },
    { name: 'status', label: '办理状态', type: 'VARCHAR', kind: 'category', required: true, values: ISSUE_STATUSES, aliases: ['状态', '办理情况'] },
    { name: 'handling_unit', label: '承办单位', type: 'VARCHAR', kind: 'text', aliases: ['交办单位', '责任单位'] },
    { name: 'closed_on', label: '办结日期', type: 'DATE', kind: 'date', aliases: ['办结时间'] },
  ],
  foreignKeys: [{ column: 'point_id', references: { table: 'observation_points', column: 'point_id' } }],
}
