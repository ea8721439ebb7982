// Request bodies by media type: JSON is serialised (after checking its top-level shape: a string sent where the
// spec wants an object is a caller's mistake, not a body); form media use Rails-style fields; every other media
// type (binary, CSV, text) is sent as given — string, bytes, Blob, web stream or any AsyncIterable<Uint8Array>
// (the fetch wrapper sends a stream as a stream, see request-body.ts).

import { describeValue } from "./describe-value.js";
import { ConfigurationError } from "./errors.js";
import { toFormData, toUrlEncoded } from "./form-encoding.js";
import { type BodyInitLike, toStream } from "./request-body.js";

/** What a binary or text body may be. A Node `Readable` is an AsyncIterable<Uint8Array>. */
export type BinaryBody =
  | string
  | Uint8Array
  | ArrayBuffer
  | Blob
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>;

/** The body formats an operation that lists several media types accepts, by their short names. */
export type BodyFormat = "json" | "multipart" | "urlencoded";

export interface BodyDescriptor {
  /** Media types in spec order; the first is the default. */
  media: readonly string[];
  /** JSON bodies: the top-level type the spec declares. */
  json?: "object" | "array" | "any";
  /** The spec marks the body required: a call without one fails before sending. */
  required?: boolean;
}

const FORMAT_MEDIA: Record<BodyFormat, string> = {
  json: "application/json",
  multipart: "multipart/form-data",
  urlencoded: "application/x-www-form-urlencoded",
};

const isJsonMedia = (media: string) => /^application\/(.+\+)?json$/.test(media);

export interface EncodedBody {
  body: BodyInitLike;
  /** Absent for multipart (fetch sets the boundary) and for `*\/*` (the caller's content-type applies). */
  contentType?: string;
}

function mediaFor(descriptor: BodyDescriptor, format: string | undefined, vendor: string): string {
  if (format === undefined) return descriptor.media[0] ?? "application/json";
  const wanted = FORMAT_MEDIA[format as BodyFormat];
  const found =
    wanted && descriptor.media.find((media) => media === wanted || (format === "json" && isJsonMedia(media)));
  if (found) return found;
  const offered = descriptor.media.map((media) =>
    JSON.stringify(Object.entries(FORMAT_MEDIA).find(([, m]) => m === media)?.[0] ?? media),
  );
  const list = offered.length > 1 ? `${offered.slice(0, -1).join(", ")} or ${offered.at(-1)}` : offered.join("");
  throw new ConfigurationError(`${vendor}: \`format\` must be ${list}; got ${describeValue(format)}`);
}

function isPlainObject(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function binary(body: unknown, vendor: string): BodyInitLike {
  if (
    typeof body === "string" ||
    body instanceof Uint8Array ||
    body instanceof ArrayBuffer ||
    body instanceof ReadableStream ||
    (typeof Blob !== "undefined" && body instanceof Blob)
  ) {
    return body as BodyInitLike;
  }
  if (typeof body === "object" && body !== null && Symbol.asyncIterator in body) {
    return toStream(body as AsyncIterable<Uint8Array>);
  }
  throw new ConfigurationError(
    `${vendor}: this body is sent as is; pass a string, Uint8Array, ArrayBuffer, Blob, ReadableStream or AsyncIterable<Uint8Array>; got ${describeValue(body)}`,
  );
}

/** Encodes `body` for an operation's declared media types; `format` picks one where several are offered. */
export function encodeBody(
  descriptor: BodyDescriptor,
  body: unknown,
  format: string | undefined,
  vendor: string,
): EncodedBody {
  const media = mediaFor(descriptor, format, vendor);
  if (isJsonMedia(media)) {
    const expected = descriptor.json ?? "any";
    if (expected === "object" && !isPlainObject(body)) {
      throw new ConfigurationError(`${vendor}: the request body must be an object; got ${describeValue(body)}`);
    }
    if (expected === "array" && !Array.isArray(body)) {
      throw new ConfigurationError(`${vendor}: the request body must be an array; got ${describeValue(body)}`);
    }
    return { body: JSON.stringify(body), contentType: media };
  }
  if (media === FORMAT_MEDIA.multipart) return { body: toFormData(body) };
  if (media === FORMAT_MEDIA.urlencoded) return { body: toUrlEncoded(body), contentType: media };
  // `*/*` says "any type": the caller's content-type header (or the platform's default for the value) applies.
  return media.includes("*") ? { body: binary(body, vendor) } : { body: binary(body, vendor), contentType: media };
}
