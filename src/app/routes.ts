import { type ComponentType, lazy, type LazyExoticComponent } from 'react'

import OverviewPage from '../pages/OverviewPage'

export interface RouteDef {
  readonly path: string
  readonly label: string
  readonly page: ComponentType | LazyExoticComponent<ComponentType>
}

/** The Overview is in the first bundle (it is the start page); the others load on demand. */
export const ROUTES: readonly RouteDef[] = [
  { path: '/', label: '总览', page: OverviewPage },
  { path: '/clusters', label: '产业集群', page: lazy(() => import('../pages/ClustersPage')) },
  { path: '/projects', label: '重点项目', page: lazy(() => import('../pages/ProjectsPage')) },
  { path: '/livelihood', label: '民生实事', page: lazy(() => import('../pages/LivelihoodPage')) },
  { path: '/supervision', label: '监督与代表工作', page: lazy(() => import('../pages/SupervisionPage')) },
  { path: '/datasets', label: '数据集', page: lazy(() => import('../pages/DatasetsPage')) },
  { path: '/upload', label: '数据上传', page: lazy(() => import('../pages/UploadPage')) },
  { path: '/explore', label: '数据探索', page: lazy(() => import('../pages/ExplorePage')) },
  { path: '/board', label: '我的看板', page: lazy(() => import('../pages/BoardPage')) },
]

export function findRoute(path: string): RouteDef {
  return ROUTES.find((r) => r.path === path) ?? ROUTES[0]!
}
