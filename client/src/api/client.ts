import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { ApiProblem, type ProblemBody } from './problem';

export type Schemas = components['schemas'];

/** Typed client generated from client/openapi.json (npm run generate-api). Cookies travel with every call. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

/** Unwraps an openapi-fetch result: the data, or an ApiProblem carrying the server's ProblemDetails. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const body: ProblemBody = error && typeof error === 'object' ? (error as ProblemBody) : { detail: typeof error === 'string' ? error : undefined };
    throw new ApiProblem(response.status, body);
  }
  return data as T;
}

/** Posts multipart/form-data (openapi-fetch sends JSON); failures arrive as the same ApiProblem. */
export async function postForm<T>(url: string, fields: Record<string, string | Blob>): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const response = await fetch(url, { method: 'POST', body: form, credentials: 'same-origin' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiProblem(response.status, body as ProblemBody);
  return body as T;
}
