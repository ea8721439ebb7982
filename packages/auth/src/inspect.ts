// Strategies keep secrets in closures, and describe themselves without them when logged or inspected.
const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

export function withSafeDescription<T extends object>(strategy: T, description: string): T {
  Object.defineProperties(strategy, {
    [inspectSymbol]: { value: () => description, enumerable: false },
    toJSON: { value: () => description, enumerable: false },
    toString: { value: () => description, enumerable: false },
  });
  return strategy;
}
