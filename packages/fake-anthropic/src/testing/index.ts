export { canListProcesses, pidsWithEnvEntry } from './child-processes';
