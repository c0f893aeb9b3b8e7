import { appTools } from './modules/index';
import { ToolRegistry } from './registry';

export { spaceRowColumns } from './columns';
export {
  DuplicateToolError,
  InvalidToolSpecError,
  notFound,
  TOOL_ERROR_CODES,
  ToolError,
  type ToolErrorCode,
  ToolRegistryError,
} from './errors';
export {
  FAULT_KINDS,
  type Fault,
  FaultInjector,
  type FaultInjectorOptions,
  formatFaults,
  InjectedFaultError,
  parseFaults,
} from './faults';

export { invokeTool, type ToolFieldIssue, type ToolOutcome } from './invoke';
export { appTools } from './modules/index';
export { isExposed, ToolRegistry } from './registry';
export {
  type AnyToolSpec,
  defineTool,
  type ObjectSchema,
  type PolicyHint,
  type ToolContext,
  type ToolScope,
  type ToolSpec,
} from './tool-spec';

/** A registry holding every module of the reference app. */
export function createAppRegistry(): ToolRegistry {
  return new ToolRegistry(appTools);
}
