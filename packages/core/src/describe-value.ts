// How a rejected value is shown in a message. JSON.stringify says "null" for NaN and Infinity, nothing for
// undefined or functions, and throws on BigInt and cycles; messages need the truth, briefly.

const MAX_SHOWN = 80;

/** A short, truthful rendering of any value for an error message: `NaN`, `"abc"`, `null`, `an object`. */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case "string":
      return clip(JSON.stringify(value));
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value}n`;
    case "boolean":
    case "undefined":
      return String(value);
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    default:
      if (value === null) return "null";
      if (Array.isArray(value)) return `an array of ${value.length}`;
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid Date" : "a Date";
      return "an object";
  }
}

function clip(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 2)}…"` : text;
}
