// The generated descriptor table's shape (data one function interprets, see operations.ts) and the type helpers
// the generated method signatures are written with, so a vendor's `operations.ts` stays short and readable.
import type { BodyDescriptor, BodyFormat } from "./encode-body.js";
import type { RequestOptions } from "./options.js";
import type { PathEncoding } from "./path-params.js";
import type { QueryStyle } from "./query.js";

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

/** One operation as data: everything the generic call needs, nothing for documentation (that lives in types). */
export interface OperationDescriptor {
  readonly method: HttpMethod;
  /** The spec's path template, relative to the base URL. */
  readonly path: string;
  /** Path parameters in path order, with their encoding (x-dataclients-path) and, for integers, their minimum. */
  readonly params?: readonly PathParamDescriptor[];
  /** Present when the spec declares query parameters: the non-default serialisations by name. */
  readonly query?: Readonly<Record<string, QueryStyle>>;
  /** Present when the spec declares a request body. */
  readonly body?: BodyDescriptor;
  /** What a success returns: parsed JSON, a Download (binary/text), or nothing. */
  readonly response: "json" | "download" | "empty";
  /** A JSON answer's top-level type: another one (`null`, a list for a record) is an InvalidResponseError. */
  readonly expect?: "object" | "array";
  /** An empty JSON answer is returned as undefined (a 204 is documented, or `{}` would be a valid answer). */
  readonly emptyOk?: boolean;
  /** Security alternatives (scheme names); `[]` among them = works anonymously; none at all = never authenticated. */
  readonly security: readonly (readonly string[])[];
  /** A list operation: the generated method returns the paginator. `maxSize` is the page size's maximum. */
  readonly list?: { readonly maxSize?: number };
}

export type PathParamDescriptor = readonly [name: string, encoding: PathEncoding, minimum?: number];

export type OperationTable = Readonly<Record<string, OperationDescriptor>>;

/** The vendor's paging style, declared once in the spec (x-dataclients-paging). */
export interface PagingDescriptor {
  readonly style: "headers" | "envelope" | "body";
  /** The page-number parameter. */
  readonly page: string;
  /** The page-size parameter. */
  readonly size: string;
  /** Envelope: the field holding the items. */
  readonly items?: string;
  /** Envelope: the field holding the next page's URL. */
  readonly next?: string;
  readonly total?: string;
  /** Envelope: the field holding the count of items on this page. */
  readonly pageTotal?: string;
}

/** Per-call options of an operation that sends a body in one of several formats. */
export interface WriteOptions<F extends BodyFormat = BodyFormat> extends RequestOptions {
  /** How the body is encoded. Default: the spec's first media type (JSON where offered). */
  format?: F;
}

/** Per-call options of a list operation: `maxPages` bounds the walk; `signal` stops it between or during pages. */
export interface ListOptions extends RequestOptions {
  maxPages?: number;
}

type SuccessStatus = 200 | 201 | 202 | 203 | 206 | "2XX";
type JsonContent<R> = R extends { content: infer C }
  ? C extends { "application/json": infer B }
    ? B
    : { [K in keyof C]: K extends `application/${string}json` ? C[K] : never }[keyof C]
  : never;

/** The union of an operation's JSON success bodies. */
export type SuccessBody<O> = O extends { responses: infer R }
  ? { [S in keyof R]: S extends SuccessStatus ? JsonContent<R[S]> : never }[keyof R]
  : never;

/** The operation's query parameters (openapi-typescript's `parameters.query`). */
export type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** One path parameter's type. */
export type PathParamOf<O, K extends string> = O extends { parameters: { path: infer P } }
  ? K extends keyof P
    ? P[K]
    : never
  : never;

/** The request body for one media type. */
export type BodyOf<O, Media extends string> = O extends { requestBody?: { content: infer C } }
  ? Media extends keyof C
    ? C[Media]
    : never
  : never;

/** A body whose type follows the `format` option: the JSON shape by default, the form shape too for form formats. */
export type FormatBody<F, Json, Form> = F extends "json" ? Json : Json | Form;

/** The items of a list operation: the array body (headers style) or the envelope's `Field`. */
export type ListItemOf<O, Field extends string | undefined = undefined> = Field extends string
  ? SuccessBody<O> extends { [K in Field]?: readonly (infer T)[] | null }
    ? T
    : never
  : SuccessBody<O> extends readonly (infer T)[]
    ? T
    : never;
