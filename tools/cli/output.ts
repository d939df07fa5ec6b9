/**
 * Leaving the CLI without losing output. On POSIX, Node writes to a pipe asynchronously: a pipe takes
 * 64 KiB, the rest waits in the process, and `process.exit` drops it (a `--json` document cut in the
 * middle). So the CLI sets its exit status and exits only once stdout and stderr have handed every
 * byte to the operating system.
 */

/** Resolves once everything written to `stream` so far has been flushed (or the reader has gone). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) resolve();
    // Writes complete in order: the callback of an empty write runs after all earlier ones.
    else stream.write('', () => resolve());
  });
}

/** A reader that stops early (`| head`) closes the pipe: that is not an error of the command. */
function ignoreClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

/** Sets the exit status, waits for stdout and stderr to drain, then exits. */
export async function exitWhenFlushed(code: number): Promise<never> {
  process.exitCode = code;
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  // Exit explicitly: a handle some module left open must not keep the CLI running.
  process.exit(code);
}

ignoreClosedPipe(process.stdout);
ignoreClosedPipe(process.stderr);
