import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { prepareNumberFormats } from '../lib/format'
import { preloadEChart } from '../ui/EChart'
import { App } from './App'
import { boot, exposeTestHooks } from './boot'

import './styles.css'
import './print.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
exposeTestHooks()
void boot()
// The chart runtime is a separate chunk: fetch and compile it while DuckDB starts, rather
// than after the first query answers.
void preloadEChart()
void import('../ui/echart/warm').then((m) => m.warmChartsWhileIdle())
if (typeof requestIdleCallback === 'function') requestIdleCallback(prepareNumberFormats, { timeout: 2000 })
