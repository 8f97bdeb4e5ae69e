/** Every workflow type the worker registers; the bundler starts here. */
export { projectSop } from './projectSop.js';
