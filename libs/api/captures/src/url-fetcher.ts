import { type ClientRequest, type IncomingMessage, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { type CaptureStore, CaptureTooLargeError, type ReceivedBlob } from './capture-store';
import { type CaptureMediaType, detectMediaType, UnsupportedMediaError } from './media';
import { type AddressPolicy, BlockedAddressError } from './url-guard';

/** Why a URL could not be captured; the message is meant for the person who asked. */
export class UrlCaptureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UrlCaptureError';
  }
}

export interface UrlFetchOptions {
  policy: AddressPolicy;
  store: CaptureStore;
  timeoutSeconds: number;
  maxRedirects: number;
  maxBytes: number;
}

export interface FetchedUrl {
  finalUrl: string;
  blob: ReceivedBlob;
  declaredType: string | null;
  mediaType: CaptureMediaType;
}

const USER_AGENT = 'Corroborate-Capture/1.0 (evidence preservation)';

/** Refuses anything but http(s) and hosts the policy does not allow (address literals are checked here; names in the lookup). */
function checkTarget(raw: string, policy: AddressPolicy, what: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UrlCaptureError(`${what} is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UrlCaptureError(
      `${what} uses ${url.protocol}; URL capture fetches only http:// and https:// URLs.`,
    );
  }
  if (url.username || url.password) {
    throw new UrlCaptureError(`${what} contains a user name or password; remove them.`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    const problem = policy.problem(url.hostname, host);
    if (problem) throw new UrlCaptureError(problem);
  }
  return url;
}

function decoded(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return response.pipe(createGunzip());
    case 'deflate':
      return response.pipe(createInflate());
    case 'br':
      return response.pipe(createBrotliDecompress());
    case 'identity':
    case '':
      return response;
    default:
      throw new UrlCaptureError(
        `The server sent content encoded as "${encoding}", which capture cannot read.`,
      );
  }
}

/**
 * Fetches a URL server-side into the capture store. Every hop (redirects are followed by hand)
 * is checked against the address policy; the connection goes to the address the policy checked.
 * The whole fetch has one deadline; the body is limited while it streams.
 */
export async function fetchUrlToStore(raw: string, options: UrlFetchOptions): Promise<FetchedUrl> {
  const deadline = Date.now() + options.timeoutSeconds * 1000;
  let current = checkTarget(raw, options.policy, raw);
  for (let hop = 0; ; hop++) {
    const response = await get(current, options, deadline);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      if (hop >= options.maxRedirects) {
        throw new UrlCaptureError(
          `${raw} redirects more than ${options.maxRedirects} times (CAPTURE_MAX_REDIRECTS).`,
        );
      }
      let next: string;
      try {
        next = new URL(response.headers.location, current).toString();
      } catch {
        throw new UrlCaptureError(`${current.toString()} redirects to an invalid URL.`);
      }
      try {
        current = checkTarget(next, options.policy, next);
      } catch (error) {
        throw new UrlCaptureError(
          `${current.toString()} redirects to ${next}: ${(error as Error).message}`,
        );
      }
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new UrlCaptureError(
        `${current.toString()} answered HTTP ${status}; nothing was captured.`,
      );
    }
    const length = Number(response.headers['content-length']);
    if (Number.isFinite(length) && length > options.maxBytes) {
      response.destroy();
      throw new UrlCaptureError(new CaptureTooLargeError(options.maxBytes).message);
    }
    const declaredType = response.headers['content-type'] ?? null;
    let mediaType: CaptureMediaType | null = null;
    const timer = setTimeout(
      () => response.destroy(new UrlCaptureError(timeoutMessage(options.timeoutSeconds))),
      Math.max(0, deadline - Date.now()),
    );
    try {
      const blob = await options.store.receive(decoded(response), options.maxBytes, (head) => {
        mediaType = detectMediaType(head, declaredType);
      });
      if (mediaType === null) throw new UrlCaptureError('The media type could not be determined.');
      return { finalUrl: current.toString(), blob, declaredType, mediaType };
    } catch (error) {
      response.destroy();
      throw translate(error, options);
    } finally {
      clearTimeout(timer);
    }
  }
}

function timeoutMessage(seconds: number): string {
  return `The server did not answer within ${seconds} second${seconds === 1 ? '' : 's'} (CAPTURE_TIMEOUT_SECONDS).`;
}

function translate(error: unknown, options: UrlFetchOptions): Error {
  if (error instanceof UrlCaptureError) return error;
  if (error instanceof BlockedAddressError) return new UrlCaptureError(error.message);
  if (error instanceof UnsupportedMediaError) return new UrlCaptureError(error.message);
  if (error instanceof CaptureTooLargeError) return new UrlCaptureError(error.message);
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new UrlCaptureError('The host name could not be resolved.');
    case 'ECONNREFUSED':
      return new UrlCaptureError('The server refused the connection.');
    case 'ECONNRESET':
    case 'EPIPE':
      return new UrlCaptureError(
        'The server closed the connection before the content was complete.',
      );
    case 'ETIMEDOUT':
      return new UrlCaptureError(timeoutMessage(options.timeoutSeconds));
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
      return new UrlCaptureError('The server sent corrupt compressed content.');
    default:
      if (typeof code === 'string' && (code.startsWith('ERR_TLS') || code.includes('CERT'))) {
        return new UrlCaptureError(`The server's TLS certificate was not accepted (${code}).`);
      }
      return error instanceof Error ? error : new Error(String(error));
  }
}

function get(url: URL, options: UrlFetchOptions, deadline: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new UrlCaptureError(timeoutMessage(options.timeoutSeconds)));
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    let req: ClientRequest;
    try {
      req = send(url, {
        method: 'GET',
        agent: false,
        lookup: options.policy.lookup() as never,
        headers: {
          'user-agent': USER_AGENT,
          accept:
            'text/html,application/xhtml+xml,application/pdf,image/*,text/plain;q=0.9,*/*;q=0.1',
          'accept-encoding': 'gzip, deflate, br',
        },
      });
    } catch (error) {
      return reject(translate(error, options));
    }
    const timer = setTimeout(
      () => req.destroy(new UrlCaptureError(timeoutMessage(options.timeoutSeconds))),
      remaining,
    );
    req.on('response', (response) => {
      clearTimeout(timer);
      resolve(response);
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(translate(error, options));
    });
    req.end();
  });
}
