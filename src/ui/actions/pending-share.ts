/** A share file the OS opened with the app (File Handling API), waiting for the open screen to take it. */
let pending: File | undefined;

export function setPendingShare(f: File): void {
  pending = f;
}

export function takePendingShare(): File | undefined {
  const f = pending;
  pending = undefined;
  return f;
}
