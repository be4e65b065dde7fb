/**
 * DuckDB's error messages, put into the short Chinese a user can act on. The original
 * message is kept alongside for the details panel.
 */
export function describeLoadError(message: string): string {
  const line = /Line:\s*(\d+)/i.exec(message)?.[1]
  const where = line ? `第${line}行` : ''
  const column = /column\s+"?([\w\u4e00-\u9fa5]+)"?/i.exec(message)?.[1]
  const value = /Could not convert string "([^"]*)"/i.exec(message)?.[1]
  if (/Could not convert|Conversion Error/i.test(message)) {
    const bits = [
      where,
      column ? `列 ${column}` : '',
      value !== undefined ? `值"${value}"无法转换为规定类型` : '有值无法转换为规定类型',
    ]
    return `文件损坏：${bits.filter(Boolean).join('，')}`
  }
  if (/Expected Number of Columns|too many columns|too few columns/i.test(message)) {
    return `文件损坏：${where ? `${where}的` : ''}列数与表头不一致`
  }
  if (/unterminated quote/i.test(message)) return `文件损坏：${where ? `${where}起` : ''}引号未闭合`
  if (/Invalid unicode|invalid utf-?8/i.test(message))
    return `文件损坏：${where ? `${where}含有` : '含有'}无效的 UTF-8 字符`
  if (/No files found|not found/i.test(message)) return '文件缺失'
  return `无法读取文件：${message.split('\n')[0]}`
}
