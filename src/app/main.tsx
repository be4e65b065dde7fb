import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { prepareNumberFormats } from '../lib/format'
import { catalog } from '../state/catalog'
import { Coordinator } from '../state/coordinator'
import { CoordinatorContext } from '../state/coordinator-context'
import { preloadEChart } from '../ui/EChart'
import { App } from './App'
import { boot, exposeTestHooks } from './boot'

import './styles.css'
import './print.css'

// The one coordinator of the app's queries: every view asks it; the engine is attached once started.
const coordinator = new Coordinator({ catalog })

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CoordinatorContext value={coordinator}>
      <App />
    </CoordinatorContext>
  </StrictMode>,
)
exposeTestHooks(coordinator)
void boot(coordinator)
// The chart runtime is a separate chunk: fetch and compile it while DuckDB starts, rather
// than after the first query answers.
void preloadEChart()
void import('../ui/echart/warm').then((m) => m.warmChartsWhileIdle())
if (typeof requestIdleCallback === 'function') requestIdleCallback(prepareNumberFormats, { timeout: 2000 })
