// Response bodies: reading with a byte cap, and Content-Encoding decoding capped on the decoded size.
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw } from 'node:zlib';

export interface BodyErrors {
  tooLarge: () => Error;
  unsupported: (coding: string) => Error;
  corrupt: (coding: string, cause: unknown) => Error;
}

type Decoder = (input: Buffer, options: { maxOutputLength: number }) => Promise<Buffer>;

const DECODERS: Record<string, Decoder> = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  br: promisify(brotliDecompress),
  deflate: inflateEither,
};

/** Collects a body, destroying the stream as soon as it goes over `maxBytes`. */
export async function readCapped(
  stream: AsyncIterable<Buffer>,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    // Leaving the loop by throwing closes the stream (and the socket) through the iterator's return().
    if (total > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Undoes Content-Encoding (RFC 9110 §8.4), last coding applied first. zlib's maxOutputLength stops
 * a decompression bomb at the cap instead of inflating it all in memory.
 */
export async function decodeContent(
  raw: Buffer,
  contentEncoding: string | undefined,
  maxBytes: number,
  errors: BodyErrors,
): Promise<Buffer> {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  let body = raw;
  for (const coding of codings.reverse()) {
    const decoder = DECODERS[coding];
    if (!decoder) throw errors.unsupported(coding);
    if (body.length === 0) continue;
    try {
      body = await decoder(body, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw errors.tooLarge();
      throw errors.corrupt(coding, error);
    }
  }
  return body;
}

/** "deflate" should be zlib-wrapped (RFC 1950) but some servers send raw deflate (RFC 1951). */
async function inflateEither(input: Buffer, options: { maxOutputLength: number }): Promise<Buffer> {
  const first = input[0] ?? 0;
  const second = input[1] ?? 0;
  const isZlib = (first & 0x0f) === 8 && ((first << 8) | second) % 31 === 0;
  return isZlib ? promisify(inflate)(input, options) : promisify(inflateRaw)(input, options);
}
