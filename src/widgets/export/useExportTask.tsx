import { useCallback, useEffect, useState } from 'react'

export type TaskState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly what: string }
  | { readonly kind: 'done'; readonly what: string }
  | { readonly kind: 'error'; readonly message: string }

/** One export at a time per menu, with a calm Chinese message when it fails. */
export function useExportTask() {
  const [state, setState] = useState<TaskState>({ kind: 'idle' })
  // "已导出" is a confirmation, not a lasting state: it goes after a few seconds.
  useEffect(() => {
    if (state.kind !== 'done') return
    const t = setTimeout(() => setState({ kind: 'idle' }), 4000)
    return () => clearTimeout(t)
  }, [state])
  const run = useCallback(async (what: string, task: () => Promise<void>) => {
    setState({ kind: 'working', what })
    try {
      await task()
      setState({ kind: 'done', what })
    } catch (error) {
      setState({ kind: 'error', message: `${what}失败：${error instanceof Error ? error.message : String(error)}` })
    }
  }, [])
  return { state, run }
}

export function TaskStatus({ state }: { readonly state: TaskState }) {
  if (state.kind === 'idle') return null
  const text =
    state.kind === 'working' ? `正在${state.what}…` : state.kind === 'done' ? `已${state.what}` : state.message
  return (
    <p
      className={`export-status export-status--${state.kind}`}
      role={state.kind === 'error' ? 'alert' : 'status'}
      data-export-state={state.kind}
    >
      {text}
    </p>
  )
}
