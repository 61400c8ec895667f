/** The body was longer than allowed: the caller answers 413. */
export const TOO_LARGE = Symbol('too large');

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A request body as UTF-8 text, read up to `limit` bytes: a longer one (by its Content-Length, or as it
 * streams in, for chunked bodies) is TOO_LARGE without reading the rest. Undefined when it is not UTF-8.
 */
export async function readLimitedText(request: Request, limit: number): Promise<string | typeof TOO_LARGE | undefined> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) return TOO_LARGE;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return TOO_LARGE;
    }
    chunks.push(value);
  }
  try {
    return utf8.decode(Buffer.concat(chunks));
  } catch {
    return undefined;
  }
}
