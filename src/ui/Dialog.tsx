import { type ReactNode, useEffect, useRef } from 'react'

/**
 * A modal dialog on the platform's own <dialog>: focus moves in and back, Esc closes, the
 * page behind is inert. Rendered only while open.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  testId,
}: {
  readonly open: boolean
  readonly title: string
  readonly onClose: () => void
  readonly children: ReactNode
  readonly testId?: string
}) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])
  if (!open) return null
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={title}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      <h3 className="dialog__title">{title}</h3>
      {children}
    </dialog>
  )
}
