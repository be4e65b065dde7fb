import { type FormEvent, type ReactNode, useState } from 'react'

import type { Credentials } from '../../published/client'
import { remember, rememberedName } from '../../state/publisher'
import { Dialog } from '../../ui/Dialog'

/**
 * Asks a publisher's name and passphrase for one write (publish, rollback, unpublish). The
 * name is prefilled from the last time; the passphrase is never stored.
 */
export function PublisherDialog({
  open,
  title,
  submitLabel,
  busy,
  onSubmit,
  onClose,
  children,
}: {
  readonly open: boolean
  readonly title: string
  readonly submitLabel: string
  readonly busy: boolean
  readonly onSubmit: (credentials: Credentials) => void
  readonly onClose: () => void
  readonly children?: ReactNode
}) {
  const [name, setName] = useState(rememberedName)
  const [passphrase, setPassphrase] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const credentials = { name: name.trim(), passphrase }
    if (!credentials.name || !credentials.passphrase) return
    remember(credentials)
    onSubmit(credentials)
  }
  return (
    <Dialog open={open} title={title} onClose={onClose} testId="publish-dialog">
      <form className="dialog__form" onSubmit={submit}>
        {children}
        <label className="dialog__field">
          <span>发布人</span>
          <input
            data-testid="publish-name"
            autoComplete="username"
            value={name}
            required
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="dialog__field">
          <span>口令</span>
          <input
            data-testid="publish-passphrase"
            type="password"
            autoComplete="current-password"
            value={passphrase}
            required
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </label>
        <div className="dialog__actions">
          <button type="submit" className="button button--primary" data-testid="publish-submit" disabled={busy}>
            {submitLabel}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            取消
          </button>
        </div>
      </form>
    </Dialog>
  )
}
