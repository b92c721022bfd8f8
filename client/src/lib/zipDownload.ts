import { toProblem } from '../api/problem';
import { fileNameOf } from './download';
import { fetchWithPurpose } from './readPurpose';

/** How far a streamed zip download is: bytes received, files (zip entries) received, files expected (from the server). */
export interface ZipProgress { bytes: number; files: number; expected: number | null }

/** A download that broke off after it began: what had arrived, so the message can say so. */
export class DownloadInterrupted extends Error {
  constructor(readonly progress: ZipProgress, cause: unknown) {
    super('download interrupted', { cause });
  }
}

/** PK\x03\x04: the signature that starts every file in a zip (a local file header). */
const Signature = [0x50, 0x4b, 0x03, 0x04];

/**
 * Counts zip local file headers across chunks as they arrive (a header may straddle two chunks). Compressed data could contain
 * the signature by chance (about once in 4 GB), so the count is capped at what the server said to expect.
 */
export class ZipEntryCounter {
  private matched = 0;
  count = 0;

  push(chunk: Uint8Array) {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === Signature[this.matched]) {
        this.matched++;
        if (this.matched === Signature.length) {
          this.count++;
          this.matched = 0;
        }
      } else this.matched = byte === Signature[0] ? 1 : 0;
    }
  }
}

/**
 * Downloads a streamed zip (a batch's certificate PDFs) behind the session cookie, reporting progress as files arrive; the
 * server names the number of files in X-Certificate-Count. A refusal before the stream starts is an ApiProblem; a stream that
 * breaks off is a DownloadInterrupted with what had arrived. Cancelling through the signal stops it without saving.
 */
export async function downloadZip(url: string, fallbackName: string, onProgress: (p: ZipProgress) => void,
  signal?: AbortSignal): Promise<ZipProgress> {
  const response = await fetchWithPurpose(url, { credentials: 'same-origin', signal });
  if (!response.ok) throw await toProblem(response);
  const header = Number(response.headers.get('X-Certificate-Count'));
  const expected = Number.isFinite(header) && header > 0 ? header : null;
  const counter = new ZipEntryCounter();
  const progress: ZipProgress = { bytes: 0, files: 0, expected };
  const parts: Uint8Array[] = [];
  const reader = response.body!.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      counter.push(value);
      progress.bytes += value.length;
      progress.files = expected === null ? counter.count : Math.min(counter.count, expected);
      onProgress({ ...progress });
    }
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new DownloadInterrupted({ ...progress }, e);
  }
  const href = URL.createObjectURL(new Blob(parts as BlobPart[], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = href;
  link.download = fileNameOf(response.headers.get('Content-Disposition'), fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return progress;
}
