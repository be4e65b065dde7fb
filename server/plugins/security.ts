/**
 * Security headers on every response (the build's CSP, nosniff, referrer policy, framing),
 * paths that try to leave their folder refused, and errors answered in Chinese JSON:
 * never a stack trace or an internal message.
 */
import helmet from '@fastify/helmet'
import type { FastifyError, FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

import { CSP_DIRECTIVES } from '../csp'
import { ApiError, publicMessage } from '../errors'

/** Whether a raw request path tries to reach outside its folder: encoded slashes, backslashes, NUL, dot segments. */
export function unsafePath(rawUrl: string): boolean {
  const pathPart = rawUrl.split('?', 1)[0] ?? ''
  if (/%2f|%5c|%00|\\/i.test(pathPart)) return true
  let decoded: string
  try {
    decoded = decodeURIComponent(pathPart)
  } catch {
    return true
  }
  return decoded.split('/').some((segment) => segment === '..' || segment === '.')
}

async function security(app: FastifyInstance, options: { bodyLimit: number }) {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...CSP_DIRECTIVES } },
    // TLS is the reverse proxy's business (docs/DEPLOY.md): HSTS over plain intranet HTTP would mislead.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'same-origin' },
  })

  app.addHook('onRequest', async (request) => {
    if (unsafePath(request.raw.url ?? '/')) throw new ApiError(400, '路径不合法')
  })

  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) {
      for (const [name, value] of Object.entries(error.headers)) reply.header(name, value)
      return reply.code(error.statusCode).send({ error: error.message, ...error.extra })
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    return reply.code(status).send({ error: publicMessage(status, error.code, options.bodyLimit) })
  })

  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: publicMessage(404, undefined, 0) }))
}

export default fp(security, { name: 'observatory-security' })
