import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete'
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands'
import { PostgreSQL, sql } from '@codemirror/lang-sql'
import { bracketMatching, HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { Compartment, EditorState, Prec } from '@codemirror/state'
import { EditorView, keymap, lineNumbers, placeholder } from '@codemirror/view'
import { tags } from '@lezer/highlight'
import { useEffect, useRef } from 'react'

import type { SqlEditorProps } from './SqlEditor'

/** Colours from the page's theme variables, so the editor reads in the light and the dark theme alike. */
const sqlHighlight = HighlightStyle.define([
  { tag: tags.keyword, color: 'var(--info)', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--down)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--warn)' },
  { tag: [tags.lineComment, tags.blockComment], color: 'var(--text-3)', fontStyle: 'italic' },
  { tag: [tags.operator, tags.punctuation], color: 'var(--text-2)' },
  { tag: tags.typeName, color: 'var(--accent)' },
])

/**
 * The SQL editor: CodeMirror 6 with the SQL language, completing table and column names
 * from the schema it is given (registry and live catalog). Loaded in its own chunk.
 * Ctrl/⌘+Enter runs the statement.
 */
export default function CodeMirrorEditor({ value, onChange, onRun, schema, label }: SqlEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const language = useRef(new Compartment())
  // The latest callbacks, read by the editor's handlers (created once).
  const handlers = useRef({ onChange, onRun })
  handlers.current = { onChange, onRun }

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          history(),
          bracketMatching(),
          closeBrackets(),
          autocompletion({ activateOnTyping: true }),
          syntaxHighlighting(sqlHighlight),
          placeholder('输入 SQL，按 Ctrl+Enter 执行，例如 SELECT * FROM point_indicators'),
          language.current.of(sql({ dialect: PostgreSQL, upperCaseKeywords: true })),
          Prec.highest(
            keymap.of([
              {
                key: 'Mod-Enter',
                run: () => {
                  handlers.current.onRun()
                  return true
                },
              },
            ]),
          ),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) handlers.current.onChange(u.state.doc.toString())
          }),
        ],
      }),
    })
    view.current = editor
    return () => {
      editor.destroy()
      view.current = null
    }
    // Created once; value and schema changes are dispatched below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  // A query picked from the history replaces the text.
  useEffect(() => {
    const editor = view.current
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } })
    }
  }, [value])

  useEffect(() => {
    view.current?.dispatch({
      effects: language.current.reconfigure(
        sql({ dialect: PostgreSQL, upperCaseKeywords: true, schema, defaultSchema: 'main' }),
      ),
    })
  }, [schema])

  return <div ref={host} className="sql-editor" data-editor="codemirror" />
}
