import { useEffect, useRef } from 'react'

import { pointSeriesOption } from '../../charts/point'
import { formatNumber } from '../../lib/format'
import {
  type PointIssueRow,
  pointIssuesSql,
  type PointProfileRow,
  pointProfileSql,
  type PointSeriesRow,
  pointSeriesSql,
} from '../../queries/clusters'
import { setParam } from '../../state/filters'
import { ChartWidget } from '../ChartWidget'
import { useWidgetQuery } from '../useWidgetQuery'
import { WidgetFrame } from '../WidgetFrame'

const PROFILE_TABLES = ['observation_points', 'clusters', 'towns']

function Profile({ pointId }: { readonly pointId: string }) {
  const data = useWidgetQuery<PointProfileRow>({ tables: PROFILE_TABLES, sql: pointProfileSql(pointId) })
  const p = data.state === 'ready' ? data.rows[0]! : null
  return (
    <WidgetFrame
      id="point-profile"
      title={p ? p.name : '观察点企业'}
      state={data.state}
      tables={['observation_points']}
      emptyText={`没有编号为 ${pointId} 的观察点`}
      error={data.state === 'error' ? data.message : undefined}
    >
      {p && (
        <dl className="facts">
          <dt>编号</dt>
          <dd>{p.point_id}</dd>
          <dt>产业集群</dt>
          <dd>{p.cluster}</dd>
          <dt>镇区</dt>
          <dd>{p.town}</dd>
          <dt>细分行业</dt>
          <dd>{p.industry ?? '—'}</dd>
          <dt>企业性质</dt>
          <dd>{p.ownership ?? '—'}</dd>
          <dt>对德合作</dt>
          <dd>{p.german_cooperation ? '是' : '否'}</dd>
          <dt>设立日期</dt>
          <dd>{p.established_on}</dd>
          <dt>联系代表</dt>
          <dd>{p.deputy ?? '—'}</dd>
          <dt>员工人数</dt>
          <dd>{p.employees === null ? '—' : `${formatNumber(p.employees)}人`}</dd>
        </dl>
      )}
    </WidgetFrame>
  )
}

function Issues({ pointId }: { readonly pointId: string }) {
  const data = useWidgetQuery<PointIssueRow>({ tables: ['point_issues'], sql: pointIssuesSql(pointId) })
  return (
    <WidgetFrame
      id="point-issue-list"
      title="反映的问题"
      state={data.state}
      tables={['point_issues']}
      emptyText="该企业没有反映问题"
      error={data.state === 'error' ? data.message : undefined}
    >
      {data.state === 'ready' && (
        <ul className="issue-list">
          {data.rows.map((i) => (
            <li key={i.issue_id}>
              <span className={`tag ${i.status === '已办结' ? 'tag--report' : 'tag--sample'}`}>{i.status}</span>
              <span className="muted">
                {i.reported_on} · {i.category}
              </span>
              <p>{i.summary}</p>
              {i.handling_unit && (
                <p className="muted">
                  承办：{i.handling_unit}
                  {i.closed_on ? ` · ${i.closed_on}办结` : ''}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </WidgetFrame>
  )
}

/** The detail of one point, over the page: who it is, all its indicators over time, what it reported. */
export function PointDrawer({ pointId }: { readonly pointId: string }) {
  const panel = useRef<HTMLDivElement>(null)
  useEffect(() => {
    panel.current?.focus()
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setParam('point', null)
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [pointId])
  return (
    <div className="drawer" role="dialog" aria-modal="true" aria-label="观察点企业详情">
      <div className="drawer__backdrop" onClick={() => setParam('point', null)} />
      <div className="drawer__panel" ref={panel} tabIndex={-1}>
        <button type="button" className="drawer__close" aria-label="关闭" onClick={() => setParam('point', null)}>
          ×
        </button>
        <Profile pointId={pointId} />
        <ChartWidget<PointSeriesRow>
          id="point-series"
          title="各项指标月度走势"
          subtitle={(rows) => (rows.length ? `${rows[0]!.period} 至 ${rows[rows.length - 1]!.period}，当月值` : '')}
          tables={['point_indicators']}
          sql={pointSeriesSql(pointId)}
          option={pointSeriesOption}
          height={560}
          emptyText="该企业尚无月度指标"
        />
        <Issues pointId={pointId} />
      </div>
    </div>
  )
}
