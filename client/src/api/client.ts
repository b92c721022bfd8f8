import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { ApiProblem, type ProblemBody } from './problem';
import { readPurposeHeaders, readPurposeMiddleware } from '../lib/readPurpose';

export type Schemas = components['schemas'];

/**
 * Typed client generated from client/openapi.json (npm run generate-api). Cookies travel with every call, and so does the
 * purpose of reading personal data once it is chosen (AUD-04): a read the server refuses for want of it is asked about and sent again.
 */
export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  // the global fetch as it is at call time (tests replace it)
  fetch: (request) => globalThis.fetch(request),
});
api.use(readPurposeMiddleware);

/** Unwraps an openapi-fetch result: the data, or an ApiProblem carrying the server's ProblemDetails. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const body: ProblemBody = error && typeof error === 'object' ? (error as ProblemBody) : { detail: typeof error === 'string' ? error : undefined };
    throw new ApiProblem(response.status, body);
  }
  return data as T;
}

/**
 * Posts multipart/form-data (openapi-fetch sends JSON; an array sends several parts of one name); failures arrive as the
 * same ApiProblem. With `onProgress` the upload reports the share sent (0–1), so a large import shows progress; the server
 * then checks every row at once.
 */
export async function postForm<T>(url: string, fields: Record<string, string | Blob | Blob[]>, onProgress?: (sent: number) => void): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
  if (!onProgress) {
    const response = await fetch(url, { method: 'POST', body: form, credentials: 'same-origin', headers: readPurposeHeaders() });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new ApiProblem(response.status, body as ProblemBody);
    return body as T;
  }
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.withCredentials = true;
    for (const [name, value] of Object.entries(readPurposeHeaders())) request.setRequestHeader(name, value);
    request.upload.onprogress = (e) => { if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total); };
    request.upload.onload = () => onProgress(1);
    request.onload = () => {
      let body: unknown = {};
      try { body = JSON.parse(request.responseText || '{}'); } catch { body = {}; }
      if (request.status >= 200 && request.status < 300) resolve(body as T);
      else reject(new ApiProblem(request.status, body as ProblemBody));
    };
    request.onerror = () => reject(new ApiProblem(0, { title: '网络连接失败，请检查网络后重试。' }));
    request.send(form);
  });
}
