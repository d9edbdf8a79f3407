import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { problem } from '../problem.js';

export const MIB = 1024 * 1024;

/**
 * Refuses request bodies above `maxSize` bytes (1 MiB by default — far above any JSON this API takes) with
 * 413 problem+json PAYLOAD_TOO_LARGE, before a handler reads them. Uploads mount their own, larger limit.
 */
export const limitBody = ({ maxSize = MIB }: { maxSize?: number } = {}) =>
  bodyLimit({
    maxSize,
    onError: (c) => problem(c, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${maxSize} bytes`),
  });

/**
 * The app-wide limit: JSON and other bodies get `json` bytes, multipart uploads get `multipart` bytes so an
 * attachment route can accept a scanned document without lifting the limit for everything else.
 */
export const limitBodies = ({ json = MIB, multipart = 20 * MIB }: { json?: number; multipart?: number } = {}) => {
  const small = limitBody({ maxSize: json });
  const large = limitBody({ maxSize: multipart });
  return createMiddleware(async (c, next) => {
    const isMultipart = (c.req.header('Content-Type') ?? '').toLowerCase().startsWith('multipart/form-data');
    return (isMultipart ? large : small)(c, next);
  });
};
