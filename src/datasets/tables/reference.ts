import type { TableDef } from '../schema'
import { CLUSTER_GROUPS, TOWN_KINDS } from '../vocabulary'

export const clusters: TableDef = {
  name: 'clusters',
  label: '产业集群',
  group: 'reference',
  description: '太仓"3+3"产业集群：主导产业与特色产业。',
  primaryKey: ['cluster_id'],
  provenance: 'reference',
  aliases: ['集群', '产业集群表'],
  columns: [
    { name: 'cluster_id', label: '集群编号', type: 'VARCHAR', kind: 'id', required: true, aliases: ['集群代码', '集群ID'] },
    { name: 'name', label: '集群名称', type: 'VARCHAR', kind: 'text', required: true, aliases: ['产业集群', '集群', '名称'] },
    { name: 'cluster_group', label: '集群类别', type: 'VARCHAR', kind: 'category', required: true, values: CLUSTER_GROUPS, aliases: ['类别', '分类', 'group'] },
    { name: 'sort_order', label: '排序', type: 'INTEGER', kind: 'integer', required: true, min: 0, aliases: ['序号', '顺序'] },
  ],
  foreignKeys: [],
}

export const towns: TableDef = {
  name: 'towns',
  label: '镇区',
  group: 'reference',
  description: '镇、街道和开发区；经纬度为示意用的近似中心点，不是测绘数据。',
  primaryKey: ['town_id'],
  provenance: 'reference',
  aliases: ['镇（区）', '镇街', '区镇'],
  columns: [
    { name: 'town_id', label: '镇区编号', type: 'VARCHAR', kind: 'id', required: true, aliases: ['镇区代码', '镇区ID'] },
    { name: 'name', label: '镇区名称', type: 'VARCHAR', kind: 'text', required: true, aliases: ['镇区', '镇（街道）', '名称'] },
    { name: 'kind', label: '类型', type: 'VARCHAR', kind: 'category', required: true, values: TOWN_KINDS, aliases: ['镇区类型'] },
    { name: 'lon', label: '经度', type: 'DOUBLE', kind: 'number', unit: '°', required: true, min: -180, max: 180, aliases: ['longitude', 'lng'] },
    { name: 'lat', label: '纬度', type: 'DOUBLE', kind: 'number', unit: '°', required: true, min: -90, max: 90, aliases: ['latitude'] },
    { name: 'sort_order', label: '排序', type: 'INTEGER', kind: 'integer', required: true, min: 0, aliases: ['序号'] },
  ],
  foreignKeys: [],
}
