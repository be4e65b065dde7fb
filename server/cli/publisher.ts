// `npm run publisher -- add NAME | remove NAME | list`: who may publish, in
// <OBSERVATORY_DATA_DIR>/publishers.json (default ./published). The passphrase is read from
// standard input, so `printf 'secret\n' | npm run publisher -- add 张敏` works in a script;
// at a terminal it is asked for twice and not shown.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'

import { addPublisher, nameProblem, PASSPHRASE_MIN, readPublishers, removePublisher } from '../publishers'

const USAGE = `用法：
  npm run publisher -- add 姓名      添加发布人或重设口令（口令从标准输入读取）
  npm run publisher -- remove 姓名   删除发布人
  npm run publisher -- list          列出发布人
数据目录：OBSERVATORY_DATA_DIR（默认 ./published）`

async function readPiped(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/, 1)[0] ?? '').replace(/^\uFEFF/, '')
}

/** Asks at the terminal without echoing what is typed. */
function askHidden(prompt: string): Promise<string> {
  let muted = false
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk)
      done()
    },
  })
  const rl = createInterface({ input: process.stdin, output, terminal: true })
  return new Promise((resolve) => {
    rl.question(prompt, (answer) => {
      rl.close()
      process.stdout.write('\n')
      resolve(answer)
    })
    muted = true
  })
}

async function passphrase(): Promise<string> {
  if (!process.stdin.isTTY) return readPiped()
  const first = await askHidden(`口令（至少 ${PASSPHRASE_MIN} 个字符）：`)
  const second = await askHidden('再输入一次：')
  if (first !== second) throw new Error('两次输入的口令不一致')
  return first
}

async function main(args: string[]): Promise<number> {
  const dataDir = path.resolve(process.env.OBSERVATORY_DATA_DIR || 'published')
  const [command, name, ...rest] = args
  if (command === 'list' && name === undefined) {
    const publishers = await readPublishers(dataDir)
    if (publishers.length === 0) console.log(`（没有发布人：${dataDir}）`)
    for (const p of publishers) console.log(`${p.name}\t添加于 ${p.addedAt}`)
    return 0
  }
  if ((command !== 'add' && command !== 'remove') || name === undefined || rest.length) {
    console.error(USAGE)
    return 2
  }
  const problem = nameProblem(name)
  if (problem) throw new Error(problem)
  if (command === 'remove') {
    if (!(await removePublisher(dataDir, name))) throw new Error(`没有名为 ${name} 的发布人`)
    console.log(`已删除发布人 ${name}`)
    return 0
  }
  mkdirSync(dataDir, { recursive: true })
  const isNew = await addPublisher(dataDir, name, await passphrase())
  console.log(isNew ? `已添加发布人 ${name}（${dataDir}）` : `已为 ${name} 设置新口令`)
  return 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  },
)
