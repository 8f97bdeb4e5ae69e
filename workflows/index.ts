/** Every workflow type the worker registers; the bundler starts here. One folder per context. */
export { projectSop } from './delivery/projectSop.js';
export { stressTest } from './delivery/stressTest.js';
export { aftercareMonitoring } from './delivery/aftercareMonitoring.js';
export { ticketSla } from './aftersales/ticketSla.js';
export { weeklyRiskSignal } from './insights/weeklyRiskSignal.js';
