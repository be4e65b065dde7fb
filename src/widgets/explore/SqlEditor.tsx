import { lazy, Suspense } from 'react'

import type { CompletionSchema } from '../../explore/completion'

export interface SqlEditorProps {
  readonly value: string
  readonly onChange: (value: string) => void
  /** Ctrl/⌘+Enter. */
  readonly onRun: () => void
  readonly schema: CompletionSchema
  readonly label: string
}

// CodeMirror arrives in its own chunk when the console opens: the first bundle does not grow.
const CodeMirrorEditor = lazy(() => import('./CodeMirrorEditor'))

/** Until the editor has loaded, a plain text area does the same job (Ctrl+Enter runs). */
function PlainEditor({ value, onChange, onRun, label }: SqlEditorProps) {
  return (
    <textarea
      className="sql-editor sql-editor--plain"
      aria-label={label}
      value={value}
      spellCheck={false}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault()
          onRun()
        }
      }}
    />
  )
}

export function SqlEditor(props: SqlEditorProps) {
  return (
    <Suspense fallback={<PlainEditor {...props} />}>
      <CodeMirrorEditor {...props} />
    </Suspense>
  )
}
