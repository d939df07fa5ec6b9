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

/**
 * The policy as a response header. A <meta> policy governs the page only: workers take theirs from
 * the headers of their own script, and frame-ancestors works only as a header. So the host should
 * send this header (public/_headers does it on hosts that read that file, `vite preview` does it),
 * and once installed, the service worker adds it to every response it serves.
 */
export const CSP_HEADER = `${CSP}; frame-ancestors 'none'`;

/**
 * Permissions-Policy header (sent with the CSP, by the same hosts): no microphone or location; the
 * camera for the app's own pages only, opened only when a clinician asks to scan the QR code of a
 * share code (src/ui/components/QrScanner.tsx), and stopped as soon as the code is read.
 */
export const PERMISSIONS_POLICY = 'camera=(self), microphone=(), geolocation=(), interest-cohort=()';
