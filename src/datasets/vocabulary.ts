/**
 * Domain vocabulary shared by the registry (allowed values), the generator and the
 * dashboards. Names come from the work reports in shared/seeds and the product brief.
 */

export const CLUSTER_GROUPS = ['主导产业', '特色产业'] as const

/** The "3+3" industry clusters (product brief; the 2024 report: 观察点"涵盖太仓'3+3'产业集群"). */
export const CLUSTERS = [
  { id: 'equipment', name: '高端装备', group: '主导产业' },
  { id: 'materials', name: '先进材料', group: '主导产业' },
  { id: 'logistics', name: '现代物贸', group: '主导产业' },
  { id: 'aerospace', name: '航空航天', group: '特色产业' },
  { id: 'biomed', name: '生物医药', group: '特色产业' },
  { id: 'culture_tourism', name: '文化旅游', group: '特色产业' },
] as const

export const TOWN_KINDS = ['镇', '街道', '开发区'] as const

/**
 * Towns and zones (镇区). Names as in the 2022 report's "一镇一品" list plus the two zones;
 * coordinates are approximate centres for a schematic map, not survey data.
 */
export const TOWNS = [
  { id: 'chengxiang', name: '城厢镇', kind: '镇', lon: 121.105, lat: 31.468 },
  { id: 'shaxi', name: '沙溪镇', kind: '镇', lon: 121.055, lat: 31.56 },
  { id: 'liuhe', name: '浏河镇', kind: '镇', lon: 121.27, lat: 31.5 },
  { id: 'fuqiao', name: '浮桥镇', kind: '镇', lon: 121.175, lat: 31.615 },
  { id: 'huangjing', name: '璜泾镇', kind: '镇', lon: 121.075, lat: 31.645 },
  { id: 'shuangfeng', name: '双凤镇', kind: '镇', lon: 121.02, lat: 31.49 },
  { id: 'loudong', name: '娄东街道', kind: '街道', lon: 121.14, lat: 31.455 },
  { id: 'ludu', name: '陆渡街道', kind: '街道', lon: 121.18, lat: 31.505 },
  { id: 'hitech', name: '太仓高新区', kind: '开发区', lon: 121.115, lat: 31.43 },
  { id: 'port', name: '太仓港区', kind: '开发区', lon: 121.235, lat: 31.59 },
] as const

export const OWNERSHIP = ['国有', '民营', '外资', '中外合资'] as const

export const ISSUE_CATEGORIES = ['融资', '用工', '用地', '能耗', '物流', '审批', '政策兑现', '市场', '其他'] as const

export const ISSUE_STATUSES = ['待交办', '办理中', '已办结'] as const

export const PROJECT_LEVELS = ['省重大', '苏州重点', '市级重点'] as const
export const PROJECT_CATEGORIES = ['产业项目', '基础设施', '社会民生'] as const
/** The pipeline, in order. */
export const PROJECT_STATUSES = ['前期', '新开工', '在建', '竣工', '投产'] as const

export const LIVELIHOOD_CATEGORIES = [
  '教育',
  '医疗卫生',
  '养老服务',
  '交通出行',
  '城乡建设',
  '生态环境',
  '文化体育',
  '就业社保',
] as const

export const SUPERVISION_AREAS = ['经济', '民生', '法治', '生态', '社会治理', '代表工作'] as const

/**
 * Activity types of the supervision ledger. `metricId` names the supervision_stats metric a
 * year's count of this type is reconciled with; the reports call some of them differently
 * from year to year (视察 in 2022, 专题视察 in 2024), the metric id is the same.
 */
export const ACTIVITY_TYPES = [
  { type: '常委会会议', metricId: 'standing_committee_meetings' },
  { type: '主任会议', metricId: 'chairpersons_meetings' },
  { type: '视察', metricId: 'inspections' },
  { type: '执法检查', metricId: 'law_enforcement_checks' },
  { type: '专题询问', metricId: 'special_inquiries' },
  { type: '专项工作报告', metricId: 'special_work_reports' },
  { type: '决议决定', metricId: 'resolutions' },
  { type: '专题调研', metricId: null },
] as const

export const SUGGESTION_CATEGORIES = ['经济发展', '城乡建设', '社会事业', '生态环境', '农业农村', '法治建设'] as const
export const SUGGESTION_STATUSES = ['已交办', '办理中', '已办结'] as const
export const SATISFACTION_LEVELS = ['满意', '基本满意', '不满意'] as const

export const MICRO_SUGGESTION_CATEGORIES = ['道路交通', '环境卫生', '公共设施', '社区治理', '安全隐患', '其他'] as const
export const MICRO_SUGGESTION_STATUSES = ['办理中', '已办结'] as const
