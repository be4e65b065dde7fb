// The livelihood page's wording lives with its specs; tests import it from here too.
export { livelihoodNarrative } from '../../specs/livelihood'
