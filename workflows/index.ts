/** Every workflow type the worker registers; the bundler starts here. */
export { projectSop } from './projectSop.js';
export { stressTest } from './stressTest.js';
export { aftercareMonitoring } from './aftercareMonitoring.js';
