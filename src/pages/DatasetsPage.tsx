import { getTable, TABLES } from '../datasets/registry'
import { adhocTablesIn, useCatalog } from '../state/catalog'
import { navigate, useRoute } from '../state/router'
import { AdhocDetail } from '../widgets/datasets/AdhocDetail'
import { DatasetDetail } from '../widgets/datasets/DatasetDetail'
import { DatasetList } from '../widgets/datasets/DatasetList'
import { DataVersions } from '../widgets/published/DataVersions'
import { TemplateButton } from '../widgets/upload/TemplateDownloads'

export default function DatasetsPage() {
  const route = useRoute()
  const requested = route.params.get('table')
  const adhoc = adhocTablesIn(useCatalog())
  const isAdhoc = requested !== null && !getTable(requested) && adhoc.some((a) => a.name === requested)
  const selected = requested && (getTable(requested) || isAdhoc) ? requested : TABLES[0]!.name
  return (
    <div className="page page--datasets">
      <header className="page__head">
        <h2>数据集</h2>
        <p className="page__lede">
          每张表的字段、类型、单位和全部数据。表结构来自数据集登记表，上传、校验和导出都以它为准；上传时原样保存的临时表也在这里。
        </p>
        {!isAdhoc && (
          <div className="page__actions">
            <TemplateButton table={selected} label={`下载「${getTable(selected)?.label ?? selected}」Excel 填报模板`} />
          </div>
        )}
      </header>
      <div className="datasets-layout">
        <DatasetList
          selected={selected}
          onSelect={(name) => navigate('/datasets', new URLSearchParams({ table: name }))}
        />
        {isAdhoc ? <AdhocDetail key={selected} name={selected} /> : <DatasetDetail key={selected} name={selected} />}
      </div>
      <DataVersions />
    </div>
  )
}
