/**
 * Figures quoted in the two standing-committee work reports (shared/seeds), exactly as
 * printed. Each row carries the report it comes from and the words it was read off, so a
 * test can find every quote in the report text.
 */

export const REPORT_2022 =
  '太仓市人大常委会工作报告（2023年1月4日在市第十七届人民代表大会第二次会议上），2022年的主要工作'
export const REPORT_2024 =
  '太仓市人大常委会工作报告（2025年1月8日在市第十七届人民代表大会第五次会议上），2024年主要工作'

export type StatCategory = '会议' | '监督' | '任免' | '代表工作' | '建议办理' | '观察点' | '其他'

export interface ReportFigure {
  readonly year: number
  readonly metricId: string
  readonly metric: string
  readonly value: number
  readonly unit: string
  /** "余" or "多" where the report gives an approximate figure. */
  readonly qualifier?: string
  readonly category: StatCategory
  readonly source: string
  /** The report's own words, line breaks removed. */
  readonly quote: string
}

const y2022 = (
  metricId: string,
  metric: string,
  value: number,
  unit: string,
  category: StatCategory,
  quote: string,
  qualifier?: string,
): ReportFigure => ({
  year: 2022,
  metricId,
  metric,
  value,
  unit,
  category,
  source: REPORT_2022,
  quote,
  ...(qualifier ? { qualifier } : {}),
})

const y2024 = (
  metricId: string,
  metric: string,
  value: number,
  unit: string,
  category: StatCategory,
  quote: string,
  qualifier?: string,
): ReportFigure => ({
  year: 2024,
  metricId,
  metric,
  value,
  unit,
  category,
  source: REPORT_2024,
  quote,
  ...(qualifier ? { qualifier } : {}),
})

export const REPORT_FIGURES: readonly ReportFigure[] = [
  // 2022 — report of 4 January 2023
  y2022('standing_committee_meetings', '常委会会议', 7, '次', '会议', '共召开常委会会议7次'),
  y2022('chairpersons_meetings', '主任会议', 13, '次', '会议', '主任会议13次'),
  y2022('law_enforcement_checks', '执法检查', 5, '次', '监督', '开展执法检查5次'),
  y2022('inspections', '视察', 5, '次', '监督', '视察5次'),
  y2022('special_inquiries', '专题询问', 2, '次', '监督', '专题询问2次'),
  y2022('special_work_reports', '专项工作报告', 34, '项', '监督', '听取和审议“一府一委两院”专项工作报告34项'),
  y2022('resolutions', '决议决定', 6, '项', '监督', '作出决议决定6项'),
  y2022('appointments', '任免国家机关工作人员', 75, '人次', '任免', '依法任免国家机关工作人员75人次'),
  y2022('people_assessors', '任命人民陪审员', 199, '人', '任免', '任命人民陪审员199人'),
  y2022('by_elections', '补选市人大代表', 7, '名', '任免', '补选市人大代表7名'),
  y2022(
    'normative_documents_reviewed',
    '备案审查规范性文件',
    4,
    '件',
    '监督',
    '备案审查《太仓市政府投资管理办法》等4件规范性文件',
  ),
  y2022('petition_letters', '受理人民群众来信', 15, '件', '其他', '依法受理人民群众来信15件'),
  y2022('petition_visits', '接待来访', 8, '人次', '其他', '接待来访8人次'),
  y2022('director_reception_days', '主任接待代表日活动', 4, '次', '代表工作', '全年组织开展“主任接待代表日”活动4次'),
  y2022('voter_reception_days', '代表接待选民日活动', 2, '次', '代表工作', '开展市人大代表接待选民日活动2次'),
  y2022(
    'reception_deputies',
    '参加接待选民日的代表',
    594,
    '名',
    '代表工作',
    '594名各级人大代表、街道议政代表在80个接待点参加活动',
  ),
  y2022('reception_points', '接待点', 80, '个', '代表工作', '在80个接待点参加活动'),
  y2022('voter_opinions', '收集选民意见建议', 600, '件', '代表工作', '收集选民意见建议600多件', '多'),
  y2022('grids', '社会综治网格', 592, '个', '代表工作', '全部编入全市592个社会综治网格'),
  y2022('grid_duty_visits', '代表网格化履职', 1871, '人次', '代表工作', '代表网格化履职1871人次'),
  y2022('micro_suggestions', '微建议', 433, '条', '建议办理', '提出“微建议”433条'),
  y2022('micro_suggestions_resolved', '推动解决问题', 406, '个', '建议办理', '推动解决问题406个'),
  y2022('deputy_homes', '代表之家', 11, '个', '代表工作', '依托全市11个代表之家'),
  y2022('liaison_stations', '代表联络站', 51, '个', '代表工作', '51个代表联络站'),
  y2022('contact_points', '代表联系点', 4, '个', '代表工作', '4个代表联系点'),
  y2022('professional_groups', '代表专业小组', 6, '个', '代表工作', '组建社会治理、乡村振兴、公共卫生等6个专业小组'),
  y2022('private_firms_visited', '联系走访民营企业', 1181, '家', '代表工作', '联系走访民营企业1181家'),
  y2022('firm_symposiums', '召开座谈会', 53, '次', '代表工作', '召开座谈会53次'),
  y2022('firm_demands', '收集民营企业问题诉求', 310, '项', '代表工作', '收集民营企业问题、诉求310项'),
  y2022('firm_demands_resolved', '推动解决民营企业问题诉求', 298, '项', '代表工作', '已推动解决298项'),
  y2022('deputy_suggestions', '代表建议、批评、意见', 106, '件', '建议办理', '共收到代表建议、批评、意见106件'),
  y2022('motions_to_suggestions', '议案转建议、批评、意见', 8, '件', '建议办理', '议案转建议、批评、意见8件'),
  y2022('key_suggestions', '重点处理建议', 8, '件', '建议办理', '经主任会议讨论确定重点处理建议8件'),
  y2022('suggestion_satisfaction', '建议办理总体满意率', 100, '%', '建议办理', '代表对建议办理总体满意率达到100%'),
  y2022('excellent_suggestions', '表彰年度优秀代表建议', 10, '件', '建议办理', '表彰年度优秀代表建议10件'),
  y2022('excellent_handling_units', '建议办理先进单位', 8, '家', '建议办理', '建议办理先进单位8家'),
  y2022('suzhou_top10_suggestions', '入选苏州市十佳建议', 2, '件', '建议办理', '太仓代表团2件建议入选苏州市十佳'),
  y2022('judges_evaluated', '履职评议法官', 10, '名', '监督', '对10名法官、6名检察官进行履职评议'),
  y2022('prosecutors_evaluated', '履职评议检察官', 6, '名', '监督', '6名检察官进行履职评议'),

  // 2024 — report of 8 January 2025
  y2024('standing_committee_meetings', '常委会会议', 9, '次', '会议', '先后召开常委会会议9次'),
  y2024('chairpersons_meetings', '主任会议', 14, '次', '会议', '主任会议14次'),
  y2024('inspections', '专题视察', 8, '次', '监督', '组织开展专题视察8次'),
  y2024('law_enforcement_checks', '执法检查', 5, '次', '监督', '执法检查5次'),
  y2024('special_inquiries', '专题询问', 2, '次', '监督', '专题询问2次'),
  y2024('special_work_reports', '专项工作报告', 30, '项', '监督', '听取审议“一府一委两院”专项工作报告30项'),
  y2024('resolutions', '决议决定', 14, '项', '监督', '作出决议决定14项'),
  y2024('appointments', '任免国家机关工作人员', 73, '人次', '任免', '依法任免国家机关工作人员73人次'),
  y2024('people_assessors', '任免人民陪审员', 12, '人次', '任免', '人民陪审员12人次'),
  y2024('party_group_study_sessions', '党组中心组理论学习会', 12, '次', '其他', '全年召开党组中心组理论学习会12次'),
  y2024('observation_points', '人大代表经济运行观察点', 19, '家', '观察点', '设立人大代表经济运行观察点19家'),
  y2024(
    'observation_point_reports',
    '行业企业经济分析报告、优化营商环境报告',
    15,
    '篇',
    '观察点',
    '形成行业企业经济分析报告、优化营商环境报告15篇',
  ),
  y2024('reports_to_party_committee', '向市委请示报告', 10, '次', '其他', '全年向市委作出请示报告10次'),
  y2024('safety_problems_resolved', '安全生产收集并推动解决问题', 101, '个', '代表工作', '收集并推动解决问题101个'),
  y2024('entrepreneur_deputies', '五级企业家人大代表', 102, '名', '代表工作', '号召全市102名五级企业家人大代表'),
  y2024(
    'department_heads_reported',
    '政府工作部门负责人履职情况报告',
    6,
    '位',
    '监督',
    '听取6位政府工作部门负责人履职情况报告',
  ),
  y2024('judges_prosecutors_evaluated', '员额法官检察官履职评议', 17, '名', '监督', '对17名员额法官检察官开展履职评议'),
  y2024(
    'draft_regulations_consulted',
    '地方性法规草案立法意见征集',
    17,
    '部',
    '其他',
    '等17部地方性法规草案开展立法意见征集',
  ),
  y2024('legislative_opinions', '上报立法意见建议', 148, '条', '其他', '上报立法意见建议148条'),
  y2024('legislative_opinions_adopted', '立法意见建议被采纳', 22, '条', '其他', '被采纳22条'),
  y2024('deputy_trainings', '各级代表培训', 25, '场', '代表工作', '全年组织各级代表培训25场'),
  y2024('deputy_training_attendance', '代表培训', 1000, '人次', '代表工作', '1000余人次', '余'),
  y2024('lecture_sessions', '人大代表讲坛活动', 40, '场', '代表工作', '举办讲坛活动40场'),
  y2024('new_liaison_sites', '新增代表“家站点”', 30, '个', '代表工作', '全年新增代表“家站点”30个'),
  y2024(
    'liaison_site_visits',
    '走进代表“家站点”开展活动',
    2100,
    '人次',
    '代表工作',
    '全年2100余人次走进代表“家站点”开展活动',
    '余',
  ),
  y2024('director_reception_days', '主任接待代表日活动', 4, '次', '代表工作', '开展主任接待代表日活动4次'),
  y2024('deputies_attending_sessions', '代表列席常委会会议', 50, '人次', '代表工作', '邀请代表列席常委会会议50人次'),
  y2024(
    'deputies_in_activities',
    '代表参加视察、调研、执法检查等活动',
    325,
    '人次',
    '代表工作',
    '组织代表参加视察、调研、执法检查等活动325人次',
  ),
  y2024('unified_reception_days', '人大代表“统一接待日”活动', 2, '次', '代表工作', '开展人大代表“统一接待日”活动2次'),
  y2024(
    'reception_deputy_visits',
    '代表进家入站',
    931,
    '人次',
    '代表工作',
    '五级人大代表和街道议政代表 931 人次进家入站',
  ),
  y2024('voters_received', '接待选民群众', 1495, '人次', '代表工作', '接待选民群众1495人次'),
  y2024('public_opinions', '收集群众意见', 843, '件', '代表工作', '收集群众意见843件'),
  y2024('report_to_voters_events', '代表向选民述职活动', 61, '场', '代表工作', '举办代表向选民述职活动61场'),
  y2024('deputies_reporting_to_voters', '参与述职代表', 156, '名', '代表工作', '参与述职代表156名'),
  y2024(
    'professional_group_events',
    '代表专业小组专题调研、座谈活动',
    15,
    '场',
    '代表工作',
    '开展专题调研、座谈活动15场',
  ),
  y2024('micro_suggestions', '微建议', 342, '件', '建议办理', '提出并办结微建议342件'),
  y2024('commended_suggestions', '通报表扬代表议案建议', 13, '件', '建议办理', '通报表扬代表议案建议13件'),
  y2024('commended_handling_units', '通报表扬承办单位', 10, '个', '建议办理', '承办单位10个'),
  y2024('deputy_suggestions', '代表建议', 166, '件', '建议办理', '年内166件代表建议在法定时限内全部办结并答复代表'),
  y2024('suggestion_satisfaction', '建议办理满意率', 100, '%', '建议办理', '办理满意率达100%'),
  y2024('suzhou_top10_suggestions', '入选苏州市十佳建议', 2, '件', '建议办理', '太仓代表团2件建议入选苏州市十佳'),
  y2024('livelihood_items', '民生实事项目', 20, '项', '监督', '推动20项民生实事项目落地落实'),
  y2024('media_articles', '在各级媒体发表文章', 50, '篇', '其他', '发表文章50多篇', '多'),
  y2024('linkage_measures', '省市人大联动工作具体举措', 50, '项', '其他', '项目化清单化分解形成50项具体举措'),
  y2024('research_topics', '年度调研课题', 16, '项', '其他', '等16项年度课题形成调研成果'),
]
