/** Hands a file to the browser as an ordinary download (an anchor with `download`). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // The download has started from the click; the URL may go once it is read.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** Puts a PNG on the clipboard, for pasting into a document. The promise keeps the click's permission. */
export async function copyPng(png: Promise<Blob>): Promise<void> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write)
    throw new Error('此浏览器不支持复制图片，请改用下载 PNG')
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })])
}
