/**
 * Leaving the CLI without losing output, and never hiding that output was lost. On POSIX, Node
 * writes to a pipe asynchronously: a pipe takes 64 KiB, the rest waits in the process, and
 * `process.exit` drops it (a `--json` document cut in the middle). So the CLI sets its exit status
 * and exits only once stdout and stderr have handed every byte to the operating system.
 *
 * A write that fails (EPIPE: the reader closed the pipe, as `| head` does; ENOSPC: a full disk; EIO)
 * means the output is cut: the CLI then exits with WRITE_FAILED, never 0, and says why on stderr
 * when stderr still works. (A stdout closed before the CLI starts cannot be seen: Node opens
 * /dev/null in its place.)
 */

/** The exit status when stdout or stderr could not take everything written to it. */
export const WRITE_FAILED = 1;

let failure: { stream: string; error: NodeJS.ErrnoException } | undefined;

function failed(stream: string, error: NodeJS.ErrnoException): void {
  failure ??= { stream, error };
}

/** Resolves once everything written to `stream` so far has been flushed, or the write failed. */
function flushed(stream: NodeJS.WriteStream, name: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) resolve();
    // Writes complete in order: the callback of an empty write runs after all earlier ones.
    else
      stream.write('', (e) => {
        if (e) failed(name, e);
        resolve();
      });
  });
}

/** A failed write is remembered (the exit status says so); it must not crash the CLI mid-output. */
function watch(stream: NodeJS.WriteStream, name: string): void {
  stream.on('error', (e: NodeJS.ErrnoException) => failed(name, e));
}

/** The exit status: `code`, unless output was lost, which is never a success. */
export function exitStatus(code: number): number {
  return failure && code === 0 ? WRITE_FAILED : code;
}

/** Sets the exit status, waits for stdout and stderr to drain, then exits. */
export async function exitWhenFlushed(code: number): Promise<never> {
  process.exitCode = code;
  await Promise.all([flushed(process.stdout, 'stdout'), flushed(process.stderr, 'stderr')]);
  // A failed write reports its error event after the write's own callback: let it arrive.
  await new Promise((resolve) => setImmediate(resolve));
  if (failure && failure.stream === 'stdout' && !process.stderr.destroyed) {
    const why = failure.error.code ?? failure.error.message;
    process.stderr.write(`doppel: the output could not be written (${why}): it is incomplete\n`);
    await flushed(process.stderr, 'stderr');
  }
  // Exit explicitly: a handle some module left open must not keep the CLI running.
  process.exit(exitStatus(code));
}

watch(process.stdout, 'stdout');
watch(process.stderr, 'stderr');
