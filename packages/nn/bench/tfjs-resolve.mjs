// Node module-resolution hook for the benchmark only: tfjs-core ships its gradient
// definitions as ES modules with extension-less relative imports, which Node's own
// resolver rejects. This adds the ".js" (or "/index.js") that a bundler would.
export async function resolve(specifier, context, nextResolve) {
  const parent = context.parentURL ?? '';
  if (parent.includes('/@tensorflow/tfjs-core/dist/') && specifier.startsWith('.') && !specifier.endsWith('.js')) {
    try {
      return await nextResolve(`${specifier}.js`, context);
    } catch {
      return nextResolve(`${specifier}/index.js`, context);
    }
  }
  return nextResolve(specifier, context);
}
