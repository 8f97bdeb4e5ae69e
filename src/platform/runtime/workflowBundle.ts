import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { resolveTsExtensions, WORKFLOWS_PATH } from './worker.js';

/**
 * Bundles workflows/ the way the worker does; build it once and share it between workers (tests do, per file).
 * `interceptorModules` adds workflow interceptors (the reconciliation's replays capture what the workflow wrote).
 */
export function bundleWorkflows(options: { interceptorModules?: string[] } = {}): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    workflowInterceptorModules: options.interceptorModules,
    webpackConfigHook: resolveTsExtensions,
    logger: { log: () => {}, trace: () => {}, debug: () => {}, info: () => {}, warn: console.warn, error: console.error },
  });
}
