/** What reading the file did that the user should know before confirming: one line each, as text. */
export function ReportNotes({ title, notes }: { title: string; notes: readonly string[] }) {
  if (notes.length === 0) return null
  return (
    <div className="upload-notes" data-testid="upload-notes">
      <p className="upload-section-title">{title}</p>
      <ul>
        {notes.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
    </div>
  )
}
