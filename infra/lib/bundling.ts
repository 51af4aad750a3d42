import { type BuildOptions, buildSync } from 'esbuild';

/**
 * How every Lambda bundle is built, in one place: CDK bundles each function with it and so does
 * `npm run bench`, so the sizes and load times measured are those of what gets deployed.
 */
export const lambdaBuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  // ES module builds tree-shake; the CommonJS `main` of a package does not.
  mainFields: ['module', 'main'],
  minify: true,
  // Nothing external, the AWS SDK included: a minified, tree-shaken SDK loads in well under half the
  // time of the runtime's own copy, and its version is the one the tests ran against.
  external: [],
  // What the code imports on first use (the S3, SES and Cognito clients) becomes a chunk of its own,
  // so a cold start neither parses nor evaluates it until a request needs it.
  splitting: true,
  entryNames: 'index',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  // An ESM bundle has no `require`; a CommonJS dependency that requires a Node built-in gets this one.
  banner: {
    js: "import { createRequire as __dmlCreateRequire } from 'node:module'; const require = __dmlCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
} as const satisfies BuildOptions;

/**
 * Builds one function into `outdir`: `index.mjs` (the handler) and the chunks it loads later.
 * The source map, when asked for, holds no sources: it is for reading a minified stack trace.
 */
export const bundleLambda = (entry: string, outdir: string, options: { sourcemap?: boolean } = {}) =>
  buildSync({
    ...lambdaBuildOptions,
    entryPoints: [entry],
    outdir,
    sourcemap: options.sourcemap ?? false,
    sourcesContent: false,
    metafile: true,
  });
