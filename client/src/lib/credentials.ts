/** Offline check of a certificate's signed QR payload (ES256 compact JWS) against the published JWKS, in the browser (CRT-04). */

const fromBase64Url = (s: string) =>
  Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4)), (c) => c.charCodeAt(0));

export interface PublishedKey { kid: string; kty: string; crv: string; x: string; y: string }

/** The payload when the signature holds for one of the keys; null otherwise (any malformed token is simply invalid). */
export async function verifyCompactJws(token: string, keys: PublishedKey[]): Promise<Record<string, unknown> | null> {
  try {
    const [header64, payload64, signature64] = token.split('.');
    if (!header64 || !payload64 || !signature64) return null;
    const header = JSON.parse(new TextDecoder().decode(fromBase64Url(header64))) as { alg?: string; kid?: string };
    if (header.alg !== 'ES256') return null;
    const jwk = keys.find((k) => k.kid === header.kid);
    if (!jwk) return null;
    const key = await crypto.subtle.importKey(
      'jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y, ext: true }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const valid = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, fromBase64Url(signature64),
      new TextEncoder().encode(`${header64}.${payload64}`));
    return valid ? JSON.parse(new TextDecoder().decode(fromBase64Url(payload64))) as Record<string, unknown> : null;
  } catch {
    return null;
  }
}
