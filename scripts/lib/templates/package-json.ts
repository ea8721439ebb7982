// package.json of a vendor package, modelled on packages/core/package.json. JSON.stringify's layout is the one Biome
// keeps for package.json files; the object literal fixes the key order.
import { packageDescription, type TemplateContext } from "./context.js";

export function packageJsonTemplate({ vendor, title }: TemplateContext): string {
  const manifest = {
    name: vendor.packageName,
    version: "0.0.0",
    description: packageDescription(title),
    license: "MIT",
    type: "module",
    sideEffects: false,
    engines: { node: ">=20.19" },
    exports: {
      ".": {
        import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
        require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
      },
      "./package.json": "./package.json",
    },
    main: "./dist/index.cjs",
    module: "./dist/index.js",
    types: "./dist/index.d.ts",
    files: ["dist"],
    scripts: {
      build: "tsup src/index.ts --format esm,cjs --dts --clean --target es2022",
      typecheck: "tsc --noEmit -p .",
      "lint:package": "publint && attw --pack . --profile node16",
    },
    dependencies: {
      "@dataclients/auth": "workspace:^",
      "@dataclients/core": "workspace:^",
      "openapi-fetch": "catalog:",
    },
    devDependencies: {
      tsup: "catalog:",
      typescript: "catalog:",
    },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
