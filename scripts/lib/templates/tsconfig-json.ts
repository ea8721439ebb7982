// tsconfig.json of a vendor package: the same as packages/core's.
export function tsconfigJsonTemplate(): string {
  return `{
  "extends": "../../tsconfig.base.json",
  "include": ["src"]
}
`;
}
