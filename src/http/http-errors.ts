// The only place where error codes become HTTP statuses. Every error leaves as
// {"error":{"code","message"}}; nothing a client sends can produce a 500.

import type { Localize } from 'ajv-i18n/localize/types.js';
import { createRequire } from 'node:module';
import type { FastifyError, FastifyInstance } from 'fastify';
import { UseCaseError } from '../app/app-context.ts';
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
  CSRF_TOKEN_INVALID: 403,
  FORBIDDEN: 403,
  ROLE_CONFLICT: 400,
  INVALID_ROLES: 400,
  WEAK_PASSWORD: 400,
  USERNAME_TAKEN: 409,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  STALE_VERSION: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  MISSING_FACTS: 409,
  ASSESSMENT_INCOMPLETE: 409,
  DEADLINE_PASSED: 409,
  OBJECTION_PERIOD_OPEN: 409,
  DEPARTURE_REASON_REQUIRED: 400,
  REASON_REQUIRED: 400,
  INVALID_CONCLUSION: 400,
  INVALID_SCOPE: 400,
  EVIDENCE_TOO_LARGE: 413,
  EVIDENCE_TYPE_NOT_ALLOWED: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  METHOD_NOT_ALLOWED: 405,
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

/** Fastify's own refusals of a request it could not read, by their code. */
const CLIENT_ERRORS: Readonly<Record<string, { code: string; message: string }>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_INPUT', message: '请求体不是有效的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'INVALID_INPUT', message: '请求体为空' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'INVALID_INPUT',
    message: '请求体长度与 Content-Length 不符',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: '不支持的请求内容类型',
  },
};

/** `spa`: a GET outside /api/ that matches no route is a web-application route: send index.html. */
export function installErrorHandling(app: FastifyInstance, options: { spa: boolean }): void {
  app.setNotFoundHandler((request, reply) => {
    if (options.spa && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.sendFile('index.html');
    }
    return reply
      .code(404)
      .send(errorBody('NOT_FOUND', `没有这个接口：${request.method} ${request.url}`));
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof UseCaseError) {
      return reply.code(statusOf(error.code)).send(errorBody(error.code, error.message));
    }
    if (error.validation) {
      return reply.code(400).send(errorBody('INVALID_INPUT', validationMessage(error)));
    }
    const known = CLIENT_ERRORS[error.code];
    if (known) {
      const status = error.statusCode ?? statusOf(known.code);
      return reply.code(status).send(errorBody(known.code, known.message));
    }
    // Fastify's own client errors: malformed JSON, wrong content type, body too large...
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code =
        status === 413
          ? 'PAYLOAD_TOO_LARGE'
          : status === 415
            ? 'UNSUPPORTED_MEDIA_TYPE'
            : status === 405
              ? 'METHOD_NOT_ALLOWED'
              : 'INVALID_INPUT';
      return reply
        .code(status === 404 ? 400 : status)
        .send(errorBody(code, `请求无效：${error.message}`));
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.code(500).send(errorBody('INTERNAL', '服务器内部错误 / internal error'));
  });
}
