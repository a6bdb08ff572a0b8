import busboy from 'busboy';
import { type Request } from 'express';
import { type Readable } from 'node:stream';
import { BadInputError } from './errors';

/** The one file of a multipart upload, as a stream. */
export interface MultipartFile {
  stream: Readable;
  fileName: string | null;
  /** The media type the client declared for the file. */
  declaredType: string | null;
  /** Set when the upload passed `maxBytes` (the stream was cut short). */
  truncated: () => boolean;
}

/**
 * The multipart field "file" of a request, as a stream (never buffered whole), for the REST
 * upload endpoints (captures, imports). Other fields and files are skipped; BAD_USER_INPUT naming
 * `file` when the body is not multipart or holds no such field.
 */
export function multipartFile(req: Request, maxBytes: number): Promise<MultipartFile> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fields: 20, fieldSize: 10_000, parts: 40, fileSize: maxBytes + 1 },
      });
    } catch {
      return reject(
        new BadInputError('file', 'Send the file as multipart/form-data in the field "file".'),
      );
    }
    let found = false;
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || found) {
        stream.resume();
        return;
      }
      found = true;
      let truncated = false;
      stream.on('limit', () => (truncated = true));
      parser.on('error', (error: Error) => stream.destroy(error));
      req.on('aborted', () => stream.destroy(new Error('The upload was interrupted.')));
      resolve({
        stream,
        fileName: info.filename ?? null,
        declaredType: info.mimeType ?? null,
        truncated: () => truncated,
      });
    });
    parser.on('error', (error: Error) => {
      if (!found)
        reject(new BadInputError('file', `The upload could not be read: ${error.message}`));
    });
    parser.on('close', () => {
      if (!found) reject(new BadInputError('file', 'Send the file in the multipart field "file".'));
    });
    req.pipe(parser);
  });
}
