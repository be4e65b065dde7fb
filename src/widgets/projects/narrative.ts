// The key projects page's wording lives with its specs; tests import it from here too.
export { projectsNarrative } from '../../specs/projects'
