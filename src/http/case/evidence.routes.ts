// Evidence over HTTP: the upload is the file's own bytes with its own content type; the
// download carries its SHA-256 so the receiver can check it.
//
// The upload is the one request allowed a large body, and it is received only from a
// signed-in user with the CSRF token (checked in onRequest, before any byte of the body
// is read: authenticateBeforeBody in server.ts), a few at a time, and read as it arrives
// up to the limit, no further.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage, Server } from 'node:http';
import type { AppContext } from '../../app/app-context.ts';
import { UseCaseError } from '../../app/app-context.ts';
import { evidenceFile } from '../../app/case/evidence-file.ts';
import type { Upload } from '../../app/evidence/checked-upload.ts';
import { attachEvidence } from '../../app/case/record-on-case.ts';
import { CaseDetail } from '../../contract/case.schemas.ts';
import { EvidenceParams, EvidenceQuery } from '../../contract/case-requests.schemas.ts';
import { BinaryFile, IdParams, Type } from '../../contract/schema-kit.ts';
import { EVIDENCE_CONTENT_TYPES, EVIDENCE_MAX_BYTES } from '../../domain/case/evidence.ts';
import { specFor, type Routes } from '../route-kit.ts';
import { actorOf } from '../session-cookie.ts';
import { answerWrite } from './write-answer.ts';

const spec = specFor('案件 cases');

/**
 * Uploads received at once, per server, by all its upload routes together (a case's
 * evidence, a correction's evidence, a report's files: fileUploadSlots). Each holds its
 * file in memory until it is written (the database keeps the file), and copies of it while
 * it is sent there: four 19 MB uploads add about 150 MB; more are answered 503 and retry.
 */
export const MAX_CONCURRENT_UPLOADS = 4;

const tooLarge = () =>
  new UseCaseError(
    'EVIDENCE_TOO_LARGE',
    `证据文件不能超过 ${EVIDENCE_MAX_BYTES / 1024 / 1024} MiB`,
  );

/** The client went away mid-request: its fault, not the server's (and no one hears the answer). */
const connectionGone = () => new UseCaseError('INVALID_INPUT', '文件未传完，连接已中断');

/**
 * The file's bytes as they arrive: refused at once when its declared length is over the
 * limit, and at the first chunk past it otherwise (chunked uploads declare none). On a
 * refusal the rest is not read; Fastify closes the connection after the answer.
 */
export function receiveFile(request: FastifyRequest, payload: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length']) > EVIDENCE_MAX_BYTES) {
      reject(tooLarge());
      return;
    }
    // Gone between the session check and here: its 'close' will not come again.
    if (payload.destroyed && !payload.complete) {
      reject(connectionGone());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      payload.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone);
      payload.pause();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > EVIDENCE_MAX_BYTES) {
        stop();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onGone = () => {
      stop();
      reject(connectionGone());
    };
    payload.on('data', onData).on('end', onEnd).on('error', onGone).on('close', onGone);
  });
}

/**
 * An onRequest hook, after the session is checked: takes one of the upload slots, or
 * answers 503 UPLOADS_BUSY when all are taken. The slot is held until the answer is sent
 * (the file is in memory until then) and given back exactly once, at the first of: the
 * response's 'close' (sent, or abandoned) or the connection's 'close' (the client gone,
 * or Node's parser refusing the body; this also covers a response that never got the
 * socket). Not the request's 'close': Node emits it as soon as the body is read.
 *
 * The session check before this hook waits on the database, and meanwhile the connection
 * may have closed, its 'close' events already past: such a request takes no slot and goes
 * no further.
 */
export function uploadSlots(max: number) {
  let taken = 0;
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const response = reply.raw;
    const { socket } = request.raw;
    if (response.destroyed || socket.destroyed) throw connectionGone();
    if (taken >= max) {
      void reply.header('retry-after', '5');
      throw new UseCaseError('UPLOADS_BUSY', '同时上传的证据文件过多，请稍后重试');
    }
    taken += 1;
    let held = true;
    // Idempotent: a socket's 'close' also emits the response's, and an emitter calls every
    // listener it had when the event began, even one removed by another listener.
    const release = () => {
      if (!held) return;
      held = false;
      taken -= 1;
      response.off('close', release);
      socket.off('close', release);
    };
    response.once('close', release);
    socket.once('close', release);
  };
}

const slotsOfServer = new WeakMap<Server, ReturnType<typeof uploadSlots>>();

/**
 * The onRequest hook of every upload route of one server (`app.server`, the same for all
 * its plugins): the MAX_CONCURRENT_UPLOADS slots are shared by all of them, not counted
 * per area.
 */
export function fileUploadSlots(server: Server): ReturnType<typeof uploadSlots> {
  let slots = slotsOfServer.get(server);
  if (!slots) {
    slots = uploadSlots(MAX_CONCURRENT_UPLOADS);
    slotsOfServer.set(server, slots);
  }
  return slots;
}

/**
 * A download is sent to be saved, never shown by the browser: as an attachment, with no
 * sniffing of its type, and sandboxed should a browser render it all the same.
 */
const DOWNLOAD_POLICY = "sandbox; default-src 'none'";

/**
 * Lets the plugin's routes take a file of an allowed type as the request body. Registered
 * per plugin, for its upload routes alone: no other route takes a file.
 */
export function acceptFileBodies(app: FastifyInstance): void {
  app.addContentTypeParser([...EVIDENCE_CONTENT_TYPES], (request, payload, done) => {
    receiveFile(request, payload).then(
      (content) => done(null, content),
      (error: Error) => done(error, undefined),
    );
  });
}

/** The uploaded file: the request's body, its declared type, and the name it was given. */
export function uploadedFile(request: FastifyRequest, filename: string): Upload {
  const content = request.body;
  if (!Buffer.isBuffer(content))
    throw new UseCaseError('EVIDENCE_TYPE_NOT_ALLOWED', '不支持的文件类型');
  return { filename, contentType: request.headers['content-type'] ?? '', content };
}

/** A stored file as the download answer (evidence, correction evidence, a report's files). */
export interface StoredFile {
  readonly filename: string;
  readonly content_type: string;
  readonly sha256: string;
  readonly content: Buffer;
}

/** Sends the file in its own content type, with its SHA-256, to be saved. */
export function sendStoredFile(reply: FastifyReply, file: StoredFile) {
  // Text was checked to be UTF-8 on upload: say so, so no browser guesses another.
  const type = file.content_type === 'text/plain' ? 'text/plain; charset=utf-8' : file.content_type;
  return reply
    .header('content-type', type)
    .header('x-content-sha256', file.sha256)
    .header('content-security-policy', DOWNLOAD_POLICY)
    .header(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    )
    .send(file.content);
}

export function evidenceRoutes(ctx: AppContext): Routes {
  return async (app) => {
    acceptFileBodies(app);

    const upload = spec(
      '上传证据（请求体为文件本身）/ upload evidence (the body is the file)',
      { params: IdParams, querystring: EvidenceQuery },
      { 201: CaseDetail, 204: Type.Null() },
    );
    app.post(
      '/api/v1/cases/:id/evidence',
      { ...upload, onRequest: fileUploadSlots(app.server) },
      async (request, reply) => {
        const { version, filename, factId } = request.query;
        const file = { ...uploadedFile(request, filename), factId: factId ?? null };
        return answerWrite(ctx, request, reply, 201, (actor) =>
          attachEvidence(ctx, actor, request.params.id, file, version),
        );
      },
    );

    const download = spec(
      '下载证据 / download evidence',
      { params: EvidenceParams },
      { 200: BinaryFile },
    );
    app.get('/api/v1/cases/:id/evidence/:evidenceId', download, async (request, reply) => {
      const { id, evidenceId } = request.params;
      return sendStoredFile(
        reply,
        await evidenceFile(ctx, await actorOf(ctx, request), id, evidenceId),
      );
    });
  };
}
