// The clusters page's wording lives with its specs; tests import it from here too.
export { clustersNarrative, WARNING_LABELS, warningReasons } from '../../specs/clusters'
