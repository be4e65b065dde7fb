// web-worker 1.2.0 ships types its package.json "exports" does not expose.
declare module 'web-worker' {
  const WebWorker: typeof Worker
  export default WebWorker
}
