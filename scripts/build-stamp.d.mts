export interface BuildInputs {
  /** Folders (relative to the root) whose every file is an input. */
  dirs?: readonly string[];
  /** Single files (relative to the root); a missing one counts as missing. */
  files?: readonly string[];
  /** Values (environment and the like) that change the output. */
  settings?: Readonly<Record<string, string | undefined>>;
}

export function inputsHash(root: string, inputs: BuildInputs): string;
export function outputSizes(outDir: string): Record<string, number>;
export function staleReason(stampFile: string, outDir: string, hash: string): string | null;
export function clearStamp(stampFile: string): void;
export function writeStamp(stampFile: string, outDir: string, hash: string): void;
