// Types for scripts/findChromium.mjs, which stays plain JavaScript so the pretest runs on bare Node 20.
export declare const CHROMIUM_NAMES: readonly string[];
export declare function isExecutableFile(file: string): boolean;
export declare function usualChromiumLocations(env?: NodeJS.ProcessEnv): string[];
export declare function findChromium(env?: NodeJS.ProcessEnv, options?: { locations?: readonly string[] }): string | null;
export declare function chromiumPathProblem(env?: NodeJS.ProcessEnv): string | null;
export type ChromiumDecision = 'use' | 'install' | 'skip' | 'fail';
export declare function chromiumDecision(situation: { found: boolean; isRoot: boolean; hasApt: boolean; ci: boolean }): ChromiumDecision;
export declare const CHROMIUM_HINT: string;
