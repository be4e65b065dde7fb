// The Overview's narrative lives with its spec; tests import it from here too.
export { overviewNarrative } from '../../specs/overview'
