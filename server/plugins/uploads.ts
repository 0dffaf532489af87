import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { megabytes, type SpreadsheetLimits } from '../../shared';
import { AppError } from '../lib/errors';

/**
 * File uploads as multipart/form-data (@fastify/multipart): the file's bytes arrive as they are,
 * not a third bigger in base64 inside JSON. The body becomes `{ field: value, file: File }`, so a
 * route declares its form with a zod schema (`z.file()`) that validates it and documents it in
 * OpenAPI like any other body.
 *
 * Only routes that declare `uploadConfig(limits)` take a file: every other route keeps the default
 * limits below, which refuse any file at its first byte.
 */
export async function registerUploads(app: FastifyInstance) {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: 0, files: 0, fields: 10, fieldSize: 1024, parts: 10 },
    async onFile(this: FastifyRequest, part: MultipartFile) {
      const max = this.routeOptions.config.multipartOptions?.limits?.fileSize ?? 0;
      const data = await part.toBuffer().catch((e: { code?: string }) => {
        if (e.code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError(413, `${part.fieldname}: ${part.filename} is larger than ${megabytes(max)}`, {
            issue: 'file_too_large',
            issueParams: { max: megabytes(max) },
          });
        throw e;
      });
      (part as MultipartFile & { value: File }).value = new File(
        [data as Uint8Array<ArrayBuffer>],
        part.filename,
        {
          type: part.mimetype,
        },
      );
    },
  });
}

/**
 * Registers a module that has upload routes with multipart in its own scope: the plugin adds three
 * hooks that run on every request of its scope (two of them async), which the hundred other routes
 * of the API need not pay for. Outside these scopes, refuseUploads answers a multipart body.
 */
export function withUploads(plugin: FastifyPluginAsync): FastifyPluginAsync {
  return async (scope) => {
    scope.removeContentTypeParser('multipart/form-data');
    await registerUploads(scope);
    await scope.register(plugin);
  };
}

/** A multipart body sent to a route that takes no file: refused before a byte of it is read. */
export function refuseUploads(app: FastifyInstance) {
  app.addContentTypeParser('multipart/form-data', (_req, _payload, done) => {
    done(new AppError(413, 'file: this route takes no file upload'), undefined);
  });
}

/** Route config of an upload route: one file of at most `limits.fileBytes`, a few small fields. */
export const uploadConfig = (limits: Pick<SpreadsheetLimits, 'fileBytes'>) => ({
  multipartOptions: { limits: { fileSize: limits.fileBytes, files: 1, fields: 10, parts: 11 } },
});

/** The uploaded File as a Buffer with its name (the form schema has checked it is there). */
export async function uploadedFile(file: File) {
  return { fileName: file.name, data: Buffer.from(await file.arrayBuffer()) };
}
