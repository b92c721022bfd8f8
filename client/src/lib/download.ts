import { toProblem } from '../api/problem';
import { fetchWithPurpose } from './readPurpose';

/** The file name the server gives in Content-Disposition (RFC 5987 first), or the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const header = disposition ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/**
 * Downloads a file behind the session cookie (templates, 附件4/附件5, the ledger): fetched, then handed to the browser as
 * a blob link named as the server names it. Files with personal data (PDFs, 附件5) state the purpose of reading it (AUD-04), asked
 * for when the server wants it. A refusal (403 for 附件5 without personal-data rights) arrives as an ApiProblem.
 */
export async function downloadFile(url: string, fallbackName: string) {
  const response = await fetchWithPurpose(url, { credentials: 'same-origin' });
  if (!response.ok) throw await toProblem(response);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
