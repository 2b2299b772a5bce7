/**
 * A progress line on a terminal (the CLI's stderr): rewritten in place at most every
 * `everyMs`, and left on screen with a newline at the end. Nothing at all when the stream
 * is not a terminal — a pipe or a log file gets only the command's own output.
 */
export interface ProgressStream {
  isTTY?: boolean | undefined;
  write(text: string): unknown;
}

export function progressLine(stream: ProgressStream, everyMs = 250, clock: () => number = Date.now) {
  let shownAt = -Infinity;
  let text = '';
  let shown = false;
  return {
    show(next: string): void {
      if (!stream.isTTY) return;
      text = next;
      const now = clock();
      if (now - shownAt < everyMs) return;
      shownAt = now;
      shown = true;
      stream.write(`\r\x1b[K${text}`);
    },
    end(): void {
      if (shown) stream.write(`\r\x1b[K${text}\n`);
    },
  };
}
