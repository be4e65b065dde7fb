import { chromium } from 'playwright-core'
const url = process.argv[2] ?? 'http://127.0.0.1:4173/'
const out = process.argv[3] ?? '/tmp/shot.png'
const w = Number(process.argv[4] ?? 1920), h = Number(process.argv[5] ?? 1080)
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] })
const page = await browser.newPage({ viewport: { width: w, height: h } })
const logs = []
page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`))
page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`))
page.on('request', (r) => { if (!r.url().startsWith('http://127.0.0.1')) logs.push('FOREIGN ' + r.url()) })
await page.goto(url)
try { await page.waitForFunction(() => performance.getEntriesByName('app-ready').length > 0, null, { timeout: 60000 }) } catch (e) { logs.push('no app-ready') }
await page.waitForTimeout(500)
const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name}=${Math.round(m.startTime)}`))
console.log(marks.join(' '))
console.log(logs.join('\n'))
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' })
await browser.close()
