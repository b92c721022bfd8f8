import { afterEach, describe, expect, it, vi } from 'vitest';
import { DownloadInterrupted, ZipEntryCounter, downloadZip, type ZipProgress } from './zipDownload';

const header = [0x50, 0x4b, 0x03, 0x04];
const entry = (size: number) => new Uint8Array([...header, ...new Array(size).fill(7)]);

function streamOf(chunks: Uint8Array[], failAfter?: number) {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && i === failAfter) controller.error(new TypeError('network error'));
      else if (i < chunks.length) controller.enqueue(chunks[i++]);
      else controller.close();
    },
  });
}

afterEach(() => { vi.unstubAllGlobals(); vi.restoreAllMocks(); });

describe('ZipEntryCounter', () => {
  it('counts local file headers, also one split across two chunks', () => {
    const counter = new ZipEntryCounter();
    const first = entry(10);
    const second = entry(5);
    counter.push(first);
    counter.push(second.slice(0, 2));
    counter.push(second.slice(2));
    counter.push(new Uint8Array([0x50, 0x50, 0x4b, 0x03, 0x04])); // a false start before a real header
    expect(counter.count).toBe(3);
  });
});

describe('downloadZip (批量下载)', () => {
  it('reports the files received against the number the server announced, and saves the zip', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(streamOf([entry(100), entry(50), entry(70)]), {
      headers: { 'X-Certificate-Count': '3', 'Content-Disposition': "attachment; filename*=UTF-8''%E8%AF%81%E4%B9%A6.zip" },
    })));
    const created = vi.fn().mockReturnValue('blob:zip');
    vi.stubGlobal('URL', { ...URL, createObjectURL: created, revokeObjectURL: vi.fn() });
    let saved = '';
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { saved = this.download; });
    const seen: ZipProgress[] = [];

    const done = await downloadZip('/api/certificate-issuances/b1/pdfs', 'x.zip', (p) => seen.push(p));

    expect(seen.map((p) => p.files)).toEqual([1, 2, 3]);
    expect(done).toEqual({ bytes: 104 + 54 + 74, files: 3, expected: 3 });
    expect((created.mock.calls[0][0] as Blob).size).toBe(232);
    expect(saved).toBe('证书.zip');
  });

  it('says how far it got when the stream breaks off', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(streamOf([entry(100), entry(50), entry(70)], 2), {
      headers: { 'X-Certificate-Count': '3' },
    })));

    const error = await downloadZip('/x', 'x.zip', () => {}).catch((e) => e);

    expect(error).toBeInstanceOf(DownloadInterrupted);
    expect((error as DownloadInterrupted).progress.files).toBe(2);
  });
});
