import { PROJECTS_PAGE, PROJECTS_TABLE } from '../specs/projects'
import { Dashboard } from '../widgets/Dashboard'
import { ProjectsTable } from '../widgets/projects/ProjectsTable'

const VIEWS = { [PROJECTS_TABLE.id]: ProjectsTable }

export default function ProjectsPage() {
  return <Dashboard page={PROJECTS_PAGE} views={VIEWS} />
}
