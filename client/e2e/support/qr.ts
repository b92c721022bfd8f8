import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext } from '@playwright/test';

const require = createRequire(import.meta.url);
const moduleFile = (path: string) => readFileSync(require.resolve(path));

/** What the QR code on a certificate PDF says, read back from the rendered page. */
export interface DecodedQr {
  /** the decoded text: `<link>#<payload>` */
  text: string;
  /** the QR version (the code has 17 + 4 × version modules a side) */
  version: number;
  /** rendered pixels per module, quiet zone included in the box */
  pixelsPerModule: number;
  /** where the PDF's link annotation over the code points, if it has one */
  annotationUrl: string | null;
}

/*
 * The harness page, served by the test itself under the app's origin (no app code, no CSP): pdf.js (main-thread worker)
 * draws page 1 of the PDF to a canvas, cropped to the code (the PDF's link annotation covers exactly the QR box; without
 * one, the whole page at a lower scale), and jsQR decodes the pixels.
 */
const harness = `<!doctype html><meta charset="utf-8"><title>QR</title>
<script src="jsqr.js"></script>
<script type="module">
  window.decodeQr = async (scale) => {
    const pdfjs = await import('./pdf.mjs');
    globalThis.pdfjsWorker = await import('./pdf.worker.mjs');
    const data = new Uint8Array(await (await fetch('./certificate.pdf')).arrayBuffer());
    const pdf = await pdfjs.getDocument({ data, isEvalSupported: false }).promise;
    const page = await pdf.getPage(1);
    const link = (await page.getAnnotations()).find((a) => a.subtype === 'Link' && a.url) ?? null;
    const viewport = page.getViewport({ scale: link ? scale : Math.min(scale, 3) });
    let [x1, y1, x2, y2] = link ? viewport.convertToViewportRectangle(link.rect) : [0, 0, viewport.width, viewport.height];
    [x1, x2] = [Math.min(x1, x2), Math.max(x1, x2)];
    [y1, y2] = [Math.min(y1, y2), Math.max(y1, y2)];
    const box = x2 - x1;
    const margin = link ? box * 0.15 : 0;
    const left = Math.floor(x1 - margin), top = Math.floor(y1 - margin);
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(x2 - x1 + 2 * margin);
    canvas.height = Math.ceil(y2 - y1 + 2 * margin);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: context, viewport, transform: [1, 0, 0, 1, -left, -top], background: '#fff' }).promise;
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    const code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
    if (!code) return null;
    const modules = 17 + 4 * code.version;
    // the PDF draws the code with its 4-module quiet zone filling the box
    return { text: code.data, version: code.version, pixelsPerModule: link ? box / (modules + 8) : 0, annotationUrl: link ? link.url : null };
  };
  window.decoderReady = true;
</script>`;

/**
 * Decodes the QR code printed on page 1 of a PDF inside the browser: pdfjs-dist renders, jsQR reads the image. The page
 * is a fresh tab of the context, closed afterwards; its address is under the app's origin, so WebCrypto-grade secure
 * context and same-origin fetches hold, but nothing of the app runs there.
 */
export async function decodeQrOfPdf(context: BrowserContext, baseURL: string, pdf: Buffer, scale = 8): Promise<DecodedQr | null> {
  const base = new URL('/__e2e/qr/', baseURL).href;
  const files: Record<string, [string, Buffer | string]> = {
    'index.html': ['text/html; charset=utf-8', harness],
    'jsqr.js': ['text/javascript', moduleFile('jsqr/dist/jsQR.js')],
    'pdf.mjs': ['text/javascript', moduleFile('pdfjs-dist/build/pdf.min.mjs')],
    'pdf.worker.mjs': ['text/javascript', moduleFile('pdfjs-dist/build/pdf.worker.min.mjs')],
    'certificate.pdf': ['application/pdf', pdf],
  };
  const page = await context.newPage();
  try {
    await page.route(`${base}**`, async (route) => {
      const file = files[new URL(route.request().url()).pathname.slice('/__e2e/qr/'.length)];
      if (!file) return route.fulfill({ status: 404 });
      return route.fulfill({ status: 200, contentType: file[0], body: file[1] });
    });
    await page.goto(`${base}index.html`);
    await page.waitForFunction(() => (window as unknown as { decoderReady?: boolean }).decoderReady === true);
    return await page.evaluate((s) => (window as unknown as { decodeQr: (scale: number) => Promise<DecodedQr | null> }).decodeQr(s), scale);
  } finally {
    await page.close();
  }
}
