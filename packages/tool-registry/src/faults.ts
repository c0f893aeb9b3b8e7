// The fault drill: what can be injected (the spec) and the injector that does it.
export {
  FaultInjector,
  type FaultInjectorOptions,
  InjectedFaultError,
} from './faults/fault-injector';
export {
  FAULT_KINDS,
  type Fault,
  formatFaults,
  listFields,
  parseFaults,
} from './faults/fault-spec';
