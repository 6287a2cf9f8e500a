// The only place where error codes become HTTP statuses. Every error leaves as
// {"error":{"code","message"}} with a Chinese message, Fastify's own included; nothing a
// client sends can produce a 500, and every 5xx is logged.

import type { Localize } from 'ajv-i18n/localize/types.js';
import { createRequire } from 'node:module';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { UseCaseError } from '../app/app-context.ts';
import { isDatabaseRefusal } from '../app/system/database-unavailable.ts';
import { DATE_PATTERN } from '../contract/schema-kit.ts';

/** Stable error codes and their statuses. A code missing here is a 400: the client's fault. */
const STATUS: Readonly<Record<string, number>> = {
  INVALID_INPUT: 400,
  UNKNOWN_POLICY: 400,
  POLICY_NOT_IN_FORCE: 400,
  UNKNOWN_FACT: 400,
  INVALID_FACT_VALUE: 400,
  INVALID_DATE: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  CSRF_TOKEN_INVALID: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  ROLE_CONFLICT: 400,
  INVALID_ROLES: 400,
  WEAK_PASSWORD: 400,
  USERNAME_TAKEN: 409,
  UNIT_NAME_TAKEN: 409,
  CASE_NUMBER_PREFIX_TAKEN: 409,
  BADGE_TAKEN: 409,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  STALE_VERSION: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  MISSING_FACTS: 409,
  ASSESSMENT_INCOMPLETE: 409,
  REVIEW_REQUIRED: 409,
  MEMBER_RECUSED: 400,
  LATE_REASON_REQUIRED: 400,
  UNIT_OUTSIDE_SYSTEM: 400,
  UNKNOWN_FIELD: 400,
  UNKNOWN_ERROR_TYPE: 400,
  CLASSIFICATION_REQUIRED: 409,
  ALREADY_ACKNOWLEDGED: 409,
  DEADLINE_PASSED: 409,
  CORRECTION_NOT_FOUND: 404,
  REPORT_NOT_FOUND: 404,
  // 信访举报 (src/domain/report/report-errors.ts).
  IDENTITY_FORBIDDEN: 403,
  REPORTER_REQUIRED: 400,
  NOT_NAMED: 409,
  NOT_ANONYMOUS: 409,
  FEEDBACK_REQUIRED: 409,
  EXPLANATION_REQUIRED: 409,
  FEEDBACK_LATE_REASON_REQUIRED: 400,
  DECIDED_CASE_REQUIRED: 400,
  REFERRAL_NOT_ALLOWED: 409,
  ALREADY_REFERRED: 409,
  EXTENSION_NOT_FOUND: 404,
  ITEMS_NOT_DONE: 409,
  EXTENSION_PENDING: 409,
  EXTENSION_NOT_ALLOWED: 409,
  EXTENSION_NOT_PENDING: 409,
  NEW_DUE_NOT_LATER: 400,
  ITEM_NOT_FOUND: 400,
  OBJECTION_PERIOD_OPEN: 409,
  DEPARTURE_REASON_REQUIRED: 400,
  REASON_REQUIRED: 400,
  INVALID_CONCLUSION: 400,
  INVALID_SCOPE: 400,
  NOT_PUBLISHED: 409,
  OBJECTION_UNDER_REVIEW: 409,
  ALREADY_TYPICAL: 409,
  NOT_TYPICAL: 409,
  PERSONAL_INFORMATION_IN_PUBLICATION: 422,
  // 澄清正名 (src/domain/clearance/).
  CLEARANCE_NOT_FOUND: 404,
  CLEARANCE_NOT_ALLOWED: 409,
  CLEARANCE_EXISTS: 409,
  SCOPE_TOO_NARROW: 400,
  METHODS_SCOPE_MISMATCH: 400,
  // Official documents (src/app/document/).
  DOCUMENT_NOT_APPLICABLE: 409,
  DOCUMENT_KIND_NOT_OWNED: 400,
  EVIDENCE_TOO_LARGE: 413,
  EVIDENCE_TYPE_NOT_ALLOWED: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  METHOD_NOT_ALLOWED: 405,
  DATABASE_UNAVAILABLE: 503,
  DATABASE_DISK_FULL: 503,
  REQUEST_TIMEOUT: 408,
  TOO_MANY_REQUESTS: 429,
  UPLOADS_BUSY: 503,
  /** The reporters' identity key cannot be read (identity-key-ring.ts): the operator's to fix. */
  IDENTITY_KEY_UNAVAILABLE: 503,
  SERVICE_UNAVAILABLE: 503,
};

export function statusOf(code: string): number {
  return STATUS[code] ?? 400;
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

// A CommonJS module whose types claim an ES default export: required, so that the
// function is what both the types and Node see.
const localizeZh = createRequire(import.meta.url)('ajv-i18n/localize/zh') as Localize;

/** Where in the request a schema found the fault, in words. */
const PART: Readonly<Record<string, string>> = {
  body: '请求体',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

/** A schema's refusal in Chinese (ajv-i18n): which part, which field, what is wrong. */
function validationMessage(error: FastifyError): string {
  const faults = error.validation ?? [];
  localizeZh(faults as Parameters<Localize>[0]);
  const part = PART[error.validationContext ?? ''] ?? '请求';
  const first = faults[0];
  if (!first) return `${part}无效`;
  const field = first.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const params = first.params as { additionalProperty?: string; pattern?: string; format?: string };
  const detail = params.additionalProperty === undefined ? '' : `：${params.additionalProperty}`;
  // A day is asked for often; its regular expression is not for the reader.
  const isDay = params.pattern === DATE_PATTERN || params.format === 'date';
  const what = isDay ? '应当是日期，格式为 YYYY-MM-DD' : (first.message ?? '无效');
  return `${part}${field === '' ? '' : ` ${field} `}${what}${detail}`;
}

/** What an error answers: its status, stable code and Chinese message. */
interface Answer {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/**
 * The longest path parameter, as sent (percent-encoded): a case number in the address
 * (锡盟应急容〔2026〕5号, a 16-character prefix at most) takes up to about 190 characters.
 */
export const MAX_PARAM_LENGTH = 200;

/** Fastify's own refusals of a request it could not route or read, by their code. */
const FASTIFY_ERRORS: Readonly<Record<string, Answer>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'INVALID_INPUT',
    // Fastify's parser also refuses the keys "__proto__" and "constructor.prototype".
    message: '请求体不是有效的 JSON（或含有 __proto__、constructor 等不允许的键）',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'INVALID_INPUT', message: '请求体为空' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'INVALID_INPUT',
    message: '请求体长度与 Content-Length 不符',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: '不支持的请求内容类型',
  },
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'INVALID_INPUT',
    message: '请求路径无效：含有无法解码的百分号编码',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 400,
    code: 'INVALID_INPUT',
    message: `请求路径无效：路径参数超过 ${MAX_PARAM_LENGTH} 个字符`,
  },
  FST_ERR_INVALID_URL: { status: 400, code: 'INVALID_INPUT', message: '请求路径无效' },
  FST_ERR_NOT_FOUND: { status: 404, code: 'NOT_FOUND', message: '没有这个接口' },
  FST_ERR_HANDLER_TIMEOUT: {
    status: 503,
    code: 'SERVICE_UNAVAILABLE',
    message: '服务器处理超时，请稍后重试',
  },
};

/** Any other client error, by its status alone: still the error shape, still Chinese. */
const BY_STATUS: Readonly<Record<number, Omit<Answer, 'status'>>> = {
  400: { code: 'INVALID_INPUT', message: '请求无效' },
  404: { code: 'NOT_FOUND', message: '未找到' },
  405: { code: 'METHOD_NOT_ALLOWED', message: '不允许的请求方法' },
  408: { code: 'REQUEST_TIMEOUT', message: '请求超时' },
  411: { code: 'INVALID_INPUT', message: '缺少 Content-Length' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' },
  414: { code: 'INVALID_INPUT', message: '请求路径过长' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求内容类型' },
  429: { code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后再试' },
  431: { code: 'INVALID_INPUT', message: '请求头过大' },
};

const INTERNAL: Answer = {
  status: 500,
  code: 'INTERNAL',
  message: '服务器内部错误 / internal error',
};

/** The answer to any error a request met: never Fastify's own shape, never English alone. */
export function answerFor(error: FastifyError): Answer {
  if (error instanceof UseCaseError || isDatabaseRefusal(error)) {
    return { status: statusOf(error.code), code: error.code, message: error.message };
  }
  // An address that names nothing that can exist (a mistyped id, a step that is none):
  // not found, as a reader is told of any address that leads nowhere.
  if (error.validation && error.validationContext === 'params') {
    return { status: 404, code: 'NOT_FOUND', message: '未找到：地址有误，所指的案件或对象不存在' };
  }
  if (error.validation) {
    return { status: 400, code: 'INVALID_INPUT', message: validationMessage(error) };
  }
  const known = FASTIFY_ERRORS[error.code];
  if (known) return known;
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return { status, ...(BY_STATUS[status] ?? { code: 'INVALID_INPUT', message: '请求无效' }) };
  }
  return INTERNAL;
}

/**
 * Every 5xx is logged, whether or not the application logs requests: through the request
 * logger when there is one, otherwise as one JSON line on stderr. The line names the
 * request (its id, method and route pattern, not the URL, which may carry search text)
 * and the error with its stack; never the body, the query or the headers, where
 * passwords and session tokens travel.
 */
function logServerError(
  request: FastifyRequest,
  error: Error,
  answer: Answer,
  logged: boolean,
): void {
  if (logged) {
    request.log.error({ err: error, code: answer.code }, 'server error');
    return;
  }
  const line = {
    level: 'error',
    time: new Date().toISOString(),
    reqId: request.id,
    method: request.method,
    route: request.routeOptions.url ?? null,
    status: answer.status,
    code: answer.code,
    // A refusal the code chose (UPLOADS_BUSY) has no bug to trace: its stack says nothing.
    err:
      error instanceof UseCaseError
        ? {
            type: error.name,
            message: error.message,
            // What the operator must fix (IDENTITY_KEY_UNAVAILABLE: which file, and why).
            ...(error.cause instanceof Error ? { cause: error.cause.message } : {}),
          }
        : { type: error.name, message: error.message, stack: error.stack },
  };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

/** Sends an error in the error shape, logging it first when it is the server's fault. */
function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: FastifyError,
  logged: boolean,
) {
  const answer = answerFor(error);
  if (answer.status >= 500) logServerError(request, error, answer, logged);
  return reply.code(answer.status).send(errorBody(answer.code, answer.message));
}

/** The security headers of an error answered outside the hooks (security-headers.ts). */
const BARE_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/**
 * Fastify's options for the errors it meets before a route's own handling: a path it
 * cannot decode or whose parameter is too long (frameworkErrors), a request Node's
 * parser refuses (clientErrorHandler, written to the socket as Node would), and an
 * HTTP/1.1 request without a Host header, which Node would answer itself with an empty
 * 400 before Fastify saw it: it is let through to `refuseWithoutHost` instead (and an
 * Expect header Node cannot meet goes to `refuseExpectation`).
 */
export function frameworkErrorOptions(logged: boolean) {
  return {
    http: { requireHostHeader: false },
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      // Answered before any hook runs: the headers the hooks would have added.
      void reply.headers(BARE_HEADERS);
      void sendError(request, reply, error, logged);
    },
    clientErrorHandler: (error: Error & { code?: string }, socket: Duplex) => {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const [status, answer] =
        error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, BY_STATUS[408]!]
          : error.code === 'HPE_HEADER_OVERFLOW'
            ? [431, BY_STATUS[431]!]
            : [400, { code: 'INVALID_INPUT', message: '无法解析的 HTTP 请求' }];
      const body = JSON.stringify(errorBody(answer.code, answer.message));
      if (socket.writable)
        socket.write(
          `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
            'Content-Type: application/json; charset=utf-8\r\n' +
            Object.entries(BARE_HEADERS)
              .map(([name, value]) => `${name}: ${value}\r\n`)
              .join('') +
            `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        );
      socket.destroy(error);
    },
  };
}

/**
 * The HTTP server's 'checkExpectation' listener: a request that expects anything but
 * 100-continue, which Node would answer itself with an empty 417 before Fastify saw it.
 * The body it may have sent is not read: the connection closes after the answer.
 */
export function refuseExpectation(_request: IncomingMessage, response: ServerResponse): void {
  const body = JSON.stringify(
    errorBody('INVALID_INPUT', '不支持的 Expect 请求头：只支持 100-continue'),
  );
  response.writeHead(417, {
    'content-type': 'application/json; charset=utf-8',
    ...BARE_HEADERS,
    'content-length': Buffer.byteLength(body),
    connection: 'close',
  });
  response.end(body);
}

/**
 * An onRequest hook, before the session is read: refuses an HTTP/1.1 request that
 * names no host (RFC 9112 §3.2), as Node would have (`requireHostHeader`), but in the
 * error shape. An HTTP/1.0 request may lack one, and an empty Host is still a Host.
 */
export async function refuseWithoutHost(request: FastifyRequest): Promise<void> {
  if (request.raw.httpVersion === '1.1' && request.headers.host === undefined)
    throw new UseCaseError('INVALID_INPUT', '缺少 Host 请求头');
}

/**
 * An onRequest hook, after the session is checked and before the routes' own hooks: a
 * request whose connection is gone goes no further. Node hands Fastify a request's head
 * and may, in the same read, refuse its body (a bad chunk size) and close the connection;
 * or the client hangs up while its session is checked. Past this point the request would
 * have no address (the rate limits' key: a TypeError, a 500 no one hears) and a body that
 * never ends (a parser waiting for ever).
 */
export async function refuseClosedConnection(request: FastifyRequest): Promise<void> {
  if (request.raw.socket.destroyed)
    throw new UseCaseError('INVALID_INPUT', '连接已中断，请求未处理');
}

/**
 * `spa`: a GET outside /api/ that matches no route is a web-application route: send
 * index.html. `logged`: whether the server has a request logger (else 5xx go to stderr).
 */
export function installErrorHandling(
  app: FastifyInstance,
  options: { spa: boolean; logged: boolean },
): void {
  app.setNotFoundHandler((request, reply) => {
    if (options.spa && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.sendFile('index.html');
    }
    return reply
      .code(404)
      .send(errorBody('NOT_FOUND', `没有这个接口：${request.method} ${request.url}`));
  });

  app.setErrorHandler((error: FastifyError, request, reply) =>
    sendError(request, reply, error, options.logged),
  );
}
