import type { BuildInputs } from './build-stamp.mjs';

export type TargetName = 'web' | 'server';

export const INPUT_DIRS: Readonly<Record<TargetName, readonly string[]>>;

export interface BuildTarget {
  outDir: string;
  stamp: string;
  inputs(): BuildInputs;
  build(outDir: string): Promise<void>;
}

export function targets(dist: string): Record<TargetName, BuildTarget>;
