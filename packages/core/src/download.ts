// Binary and text answers (files, CSV tables, artifacts archives, job logs) as streams: nothing is buffered
// until the caller asks for bytes or text, so a large archive can be piped straight to disk.
import { unwrap } from "./unwrap.js";

export interface Download {
  /** The file name from Content-Disposition, when the server sent one. */
  readonly filename: string | undefined;
  readonly contentType: string | undefined;
  /** Content-Length, when known. */
  readonly size: number | undefined;
  /** The body as a web stream. Read it once: either `stream`, `bytes()` or `text()`. */
  readonly stream: ReadableStream<Uint8Array>;
  bytes(): Promise<Uint8Array>;
  text(): Promise<string>;
  /** The HTTP response, for its headers. */
  readonly response: Response;
}

/** A Download from an openapi-fetch result made with `parseAs: "stream"`; throws the typed error otherwise. */
export function toDownload(result: { data?: unknown; error?: unknown; response: Response }): Download {
  unwrap(result);
  return downloadOf(result.response);
}

/** A successful response as a Download: nothing is read until the caller asks. */
export function downloadOf(response: Response): Download {
  const length = response.headers.get("content-length");
  const size = length !== null && /^\d+$/.test(length) ? Number(length) : undefined;
  return {
    filename: filenameFrom(response.headers.get("content-disposition")),
    contentType: response.headers.get("content-type") ?? undefined,
    size,
    // A 204 or empty answer has no body: give an empty stream rather than null.
    stream: response.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() }),
    async bytes() {
      return new Uint8Array(await response.arrayBuffer());
    },
    text: () => response.text(),
    response,
  };
}

/** `attachment; filename="a.zip"; filename*=UTF-8''a.zip` → "a.zip" (RFC 6266: filename* wins). */
export function filenameFrom(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = disposition.match(/filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i);
  if (extended?.[2]) {
    try {
      return decodeURIComponent(extended[2].trim());
    } catch {
      // Malformed percent-encoding: fall back to the plain parameter.
    }
  }
  const plain = disposition.match(/filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i);
  const value = plain?.[1]?.replace(/\\(.)/g, "$1") ?? plain?.[2]?.trim();
  return value || undefined;
}
