// The data-driven contract test every vendor shares: each operation of the spec × each status it documents is
// called through the real client against the vendor's mock, with the spec's own examples as arguments, and the
// answer is asserted against the spec's example for that status (a success returns it as data, a list yields its
// items, a download streams its text; an error is the status's class carrying the example as its body). A vendor
// supplies only how to build an authenticated client and, where a flow replaces a method or an input needs more
// than the spec's examples, its own call for that operation.
import {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  type Download,
  generatedMethods,
  NotFoundError,
  type PageIterator,
  PermissionDeniedError,
  RateLimitError,
  type RequestOptions,
  ServerError,
  UnprocessableEntityError,
} from "@dataclients/core";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../scripts/lib/load-spec.js";
import { type DocumentedOperation, documentedOperations } from "../../scripts/lib/operation-coverage.js";
import { pagingOf } from "../../scripts/lib/operation-shape.js";
import { loadRegistry, repoRoot } from "../../scripts/lib/registry.js";
import { type OperationExamples, operationExamples } from "../../scripts/lib/spec-examples.js";

/** How one operation is called in the suite: `options` carries `Prefer` (and maxPages for lists). */
export type ContractCall<C> = (client: C, options: RequestOptions & { maxPages?: number }) => Promise<unknown>;

export interface ContractSuiteOptions<C> {
  /** The registry name (`specs/<vendor>`, `packages/<vendor>`). */
  vendor: string;
  /** A client on this run's mock, with a credential, `maxRetries: 0` (each Prefer'd status is answered once). */
  client: () => C;
  /** Calls for operations whose arguments the examples cannot give, or whose method a flow replaced. */
  calls?: Partial<Record<string, ContractCall<C>>>;
  /** Status → error class, where a vendor maps a status differently from core's default. */
  errorClasses?: Record<string, new (...args: never[]) => Error>;
}

const ERROR_CLASSES: Record<string, new (...args: never[]) => Error> = {
  "400": BadRequestError,
  "401": AuthenticationError,
  "403": PermissionDeniedError,
  "404": NotFoundError,
  "409": ConflictError,
  "422": UnprocessableEntityError,
  "429": RateLimitError,
};

function errorClassFor(status: string, overrides: ContractSuiteOptions<unknown>["errorClasses"]) {
  return overrides?.[status] ?? ERROR_CLASSES[status] ?? (status.startsWith("5") ? ServerError : ApiError);
}

/** The call the spec's examples make: `op(...pathExamples, input, options)`. */
function defaultCall<C>(operation: DocumentedOperation, examples: OperationExamples): ContractCall<C> {
  const { shape } = operation;
  const pathValues = shape.pathParams.map((param) => param.example);
  const input =
    shape.query && shape.body
      ? { query: examples.query, body: examples.body?.value }
      : shape.body
        ? examples.body?.value
        : examples.query;
  const hasInput = shape.query !== undefined || shape.body !== undefined;
  return (client, options) => {
    // The generated method, also where a flow replaced it on the client (pass a `calls` entry to test the flow).
    const methods = generatedMethods(client as object);
    const method = methods[operation.operationId];
    if (typeof method !== "function") throw new Error(`the client has no method ${operation.operationId}`);
    const result = method.call(methods, ...pathValues, ...(hasInput ? [input] : []), options);
    return Promise.resolve(result);
  };
}

/** What a call returned, in the form the spec's example has: list items, a download's text, parsed JSON. */
async function settle(value: unknown, operation: DocumentedOperation): Promise<unknown> {
  if (operation.paged) return (value as PageIterator<unknown>).toArray();
  if (operation.shape.response === "download") {
    const download = value as Download;
    const text = await download.text();
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return value;
}

export function contractSuite<C>(options: ContractSuiteOptions<C>): void {
  const vendor = loadRegistry(repoRoot).find((candidate) => candidate.dir === options.vendor);
  if (!vendor) throw new Error(`${options.vendor} is not in the registry (redocly.yaml)`);
  const spec = loadSpec(vendor.specPath, repoRoot);
  const paging = pagingOf(spec);
  const operations = documentedOperations(vendor, repoRoot);

  describe.each(operations)("$operationId ($method $path)", (operation) => {
    const examples = operationExamples(spec, operation.path, operation.method);
    const call = options.calls?.[operation.operationId] ?? defaultCall<C>(operation, examples);
    const successes = operation.statuses.filter((status) => status.startsWith("2"));
    const errors = operation.statuses.filter((status) => !status.startsWith("2"));

    it.each(successes)("%s: returns the documented answer", async (status) => {
      const prefer = status === successes[0] ? {} : { headers: { Prefer: `code=${status}` } };
      const value = await settle(await call(options.client(), { ...prefer, maxPages: 1 }), operation);
      const example = examples.responses[status];
      if (operation.shape.response === "empty") {
        expect(value).toBeUndefined();
      } else if (example !== undefined) {
        const items =
          operation.paged && paging?.style === "envelope" && paging.items
            ? (example.value as Record<string, unknown>)[paging.items]
            : example.value;
        expect(value).toEqual(items);
      } else {
        expect(value).toBeDefined();
      }
    });

    it.each(errors)("%s: throws the typed error with the documented body", async (status) => {
      const error = await call(options.client(), { headers: { Prefer: `code=${status}` }, maxPages: 1 })
        .then((value) => settle(value, operation))
        .then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
      expect(error).toBeInstanceOf(errorClassFor(status, options.errorClasses));
      expect((error as ApiError).status).toBe(Number(status));
      const example = examples.responses[status];
      if (example !== undefined) expect((error as ApiError).body).toEqual(example.value);
      expect((error as ApiError).requestId).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
}
