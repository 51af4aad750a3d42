/**
 * How every Lambda bundle is built, in one place: CDK's NodejsFunction uses it and so does
 * `npm run bench`, so the sizes and load times measured are those of what gets deployed.
 */
export const lambdaBundling = {
  format: 'esm',
  target: 'node24',
  // ES module builds tree-shake; the CommonJS `main` of a package does not.
  mainFields: ['module', 'main'],
  minify: true,
  // The Node.js runtime ships AWS SDK v3; bundling it again would only add cold-start weight.
  external: ['@aws-sdk/*'],
  // An ESM bundle has no `require`; a CommonJS dependency that requires a Node built-in gets this one.
  banner:
    "import { createRequire as __dmlCreateRequire } from 'node:module'; const require = __dmlCreateRequire(import.meta.url);",
} as const;
