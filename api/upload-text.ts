import type { HonoRequest } from 'hono';
import { ValidationError } from './errors.js';

/**
 * An uploaded CSV file as text: the multipart field "file", or the request body itself when sent as text/csv (curl
 * --data-binary). A missing or empty file is a 400 naming `file`.
 */
export async function uploadedText(req: HonoRequest): Promise<string> {
  // Hono's request caches the body the route's validator already read, so it can be read again here.
  const type = req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const file = (await req.formData()).get('file');
    if (!(file instanceof File)) throw new ValidationError([{ path: 'file', message: 'attach the file as the multipart field "file"' }]);
    return new TextDecoder('utf-8').decode(await file.arrayBuffer());
  }
  const text = await req.text();
  if (text.trim() === '') throw new ValidationError([{ path: 'file', message: 'the body is empty: send the CSV file' }]);
  return text;
}
