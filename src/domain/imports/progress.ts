/**
 * How far the imports this process runs have got: rows checked and rows written. Staging
 * commits as it goes (the import's `rows` and `rejected` tell any instance), but a publish
 * is one transaction that no other connection sees until it commits: its count of rows
 * written lives here, in the process that runs it, for the detail page's progress bar.
 */
export interface ImportProgress {
  /** Rows read and validated. */
  checked?: number;
  /** Rows published (applied in the import's write). */
  written?: number;
}

export type ProgressListener = (progress: ImportProgress) => void;

const running = new Map<number, ImportProgress>();

export function reportProgress(importId: number, progress: ImportProgress): void {
  running.set(importId, { ...running.get(importId), ...progress });
}

export function progressOf(importId: number): ImportProgress | undefined {
  return running.get(importId);
}

export function endProgress(importId: number): void {
  running.delete(importId);
}
