/** The file's first rows as read, every cell as text. */
export function PreviewTable({ headers, rows }: { headers: readonly string[]; rows: readonly (readonly string[])[] }) {
  return (
    <div className="upload-table-wrap">
      <table className="upload-table">
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={i} title={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 8).map((row, r) => (
            <tr key={r}>
              {headers.map((_, c) => (
                <td key={c} title={row[c] ?? ''}>
                  {row[c] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
