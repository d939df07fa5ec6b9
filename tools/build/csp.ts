/**
 * Content-Security-Policy of the built app: the app's own origin only. `blob:` where workers and
 * downloads need it, 'wasm-unsafe-eval' for TensorFlow.js's WebAssembly backend. No inline script,
 * no third party, no eval.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "img-src 'self' blob: data:",
  "style-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** frame-ancestors cannot be set from a meta tag; hosts that serve the app should send it as a header. */
export const CSP_HEADER = `${CSP}; frame-ancestors 'none'`;
