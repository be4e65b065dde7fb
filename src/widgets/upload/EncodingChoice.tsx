import type { FileAnalysis } from '../../ingest/analyse'
import { ENCODING_LABELS, type TextEncoding } from '../../ingest/encoding'

/**
 * The encoding the file is read in, on the upload card: the choice (with the detected one
 * marked), each reading detection weighed with the first line of Chinese or accented text as
 * that reading shows it, so the user sees which is right and can switch; and under UTF-8 the
 * lines whose bytes did not decode.
 */
export function EncodingChoice({
  analysis,
  disabled,
  onPick,
}: {
  readonly analysis: FileAnalysis
  readonly disabled: boolean
  readonly onPick: (encoding: TextEncoding) => void
}) {
  const { encoding, detectedEncoding, encodingCandidates, invalidBytes } = analysis
  const alternatives = encodingCandidates.filter((c) => c.sampleLine !== '')
  return (
    <>
      <label>
        编码
        <select value={encoding} disabled={disabled} onChange={(e) => onPick(e.target.value as TextEncoding)}>
          {(Object.keys(ENCODING_LABELS) as TextEncoding[]).map((enc) => (
            <option key={enc} value={enc}>
              {ENCODING_LABELS[enc]}
              {enc === detectedEncoding ? '（检测结果）' : ''}
            </option>
          ))}
        </select>
      </label>
      {alternatives.length > 1 && (
        <div className="encoding-choice" data-encoding-candidates={alternatives.map((c) => c.encoding).join(' ')}>
          <span className="muted">各种编码读出的第一行中文或西文（哪一行正常，就选哪种）：</span>
          <ul>
            {alternatives.map((c) => (
              <li key={c.encoding} data-candidate={c.encoding}>
                <span className="encoding-choice__name">{ENCODING_LABELS[c.encoding]}</span>
                <q className="encoding-choice__line">{c.sampleLine}</q>
                {c.encoding === encoding ? (
                  <span className="tag tag--upload">当前</span>
                ) : (
                  <button
                    type="button"
                    className="button"
                    disabled={disabled}
                    data-action="use-encoding"
                    onClick={() => onPick(c.encoding)}
                  >
                    改用此编码
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {encoding === 'utf-8' && invalidBytes.count > 0 && (
        <div
          className="encoding-choice encoding-choice--warn"
          role="status"
          data-invalid-lines={invalidBytes.lines.join(' ')}
        >
          第 {invalidBytes.lines.join('、')} 行有 {invalidBytes.count} 处字节不符合
          UTF-8，已替换为“�”后读取，其余内容不受影响。 如果整份文件都显示异常，请改用其他编码。
        </div>
      )}
    </>
  )
}
