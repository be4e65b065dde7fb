/** A refusal the client is told about in Chinese, with any extra fields (problems, current). */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly extra: Readonly<Record<string, unknown>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message)
  }
}

/** What a client hears for an error that is not an ApiError: by status, never a stack or an internal message. */
export function publicMessage(statusCode: number, code: string | undefined, bodyLimit: number): string {
  if (code === 'FST_BASIC_AUTH_MISSING_OR_BAD_AUTHORIZATION_HEADER') return '需要发布人姓名和口令'
  switch (statusCode) {
    case 400:
      return code === 'FST_ERR_BAD_URL' ? '路径不合法' : '请求格式不正确'
    case 401:
      return '用户名或口令不正确'
    case 403:
      return '禁止访问'
    case 404:
      return '未找到'
    case 405:
      return '不支持该请求方法'
    case 413:
      return `数据过大：服务器最多接收 ${Math.floor(bodyLimit / 1024 / 1024)} MB`
    case 415:
      return '不支持的内容类型：发布的数据应为 application/vnd.apache.arrow.stream'
    case 429:
      return '请求过于频繁，请稍后再试'
    case 503:
      return '服务器暂时无法处理，请稍后再试'
    default:
      return statusCode >= 500 ? '服务器内部错误，请联系管理员查看日志' : '请求无法处理'
  }
}
