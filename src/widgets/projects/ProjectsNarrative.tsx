import type { FilterSet } from '../../queries/filters'
import { type ProjectsSummaryRow, projectsSummarySql } from '../../queries/projects'
import { Narrative } from '../Narrative'
import { projectsNarrative } from './narrative'

const TABLES = ['key_projects', 'project_progress']

/** The page's opening sentences: the year's list, investment against plan, German cooperation, projects behind. */
export function ProjectsNarrative({ filters }: { readonly filters: FilterSet }) {
  return (
    <Narrative<ProjectsSummaryRow>
      id="projects-narrative"
      tables={TABLES}
      sql={projectsSummarySql(filters)}
      prefetch={projectsSummarySql}
      compose={projectsNarrative}
    />
  )
}
