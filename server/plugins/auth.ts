/**
 * Every write names its publisher with HTTP Basic (name and passphrase in the Authorization
 * header, UTF-8, so 张敏 works). No cookies: a page on another site cannot make a browser
 * publish. Failed attempts are counted per client address; past the limit the address gets
 * 429 with Retry-After, whatever it sends, until the window has passed.
 */
import basicAuth from '@fastify/basic-auth'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

import { ApiError } from '../errors'
import { verifyPublisher } from '../publishers'

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook for a write: 401/429 unless a publisher's name and passphrase come with it. */
    requirePublisher(request: FastifyRequest, reply: FastifyReply): Promise<void>
  }
  interface FastifyRequest {
    publisher: string | null
  }
}

export interface AuthOptions {
  readonly dataDir: string
  readonly maxFailures: number
  readonly windowSeconds: number
}

function tooMany(msBeforeNext: number): ApiError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000))
  const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`
  return new ApiError(429, `口令错误次数过多，请 ${wait}后再试`, {}, { 'retry-after': String(seconds) })
}

async function auth(app: FastifyInstance, options: AuthOptions) {
  const failures = new RateLimiterMemory({ points: options.maxFailures, duration: options.windowSeconds })
  app.decorateRequest('publisher', null)

  await app.register(basicAuth, {
    authenticate: { realm: 'observatory' },
    async validate(name, passphrase, request) {
      const publisher = await verifyPublisher(options.dataDir, name, passphrase)
      if (publisher) {
        request.publisher = publisher
        return
      }
      request.log.warn({ client: request.ip }, 'publish login failed')
      try {
        await failures.consume(request.ip)
      } catch (limited) {
        if (limited instanceof RateLimiterRes) throw tooMany(limited.msBeforeNext)
        throw limited
      }
      throw new ApiError(401, '用户名或口令不正确')
    },
  })

  app.decorate('requirePublisher', async function (request: FastifyRequest, reply: FastifyReply) {
    const counted = await failures.get(request.ip)
    if (counted && counted.consumedPoints >= options.maxFailures) throw tooMany(counted.msBeforeNext)
    await new Promise<void>((resolve, reject) =>
      app.basicAuth(request, reply, (error?: Error) => (error ? reject(error) : resolve())),
    )
  })
}

export default fp(auth, { name: 'observatory-auth' })
