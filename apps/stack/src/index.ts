export { parseStackEnv, type StackEnv } from './env';
export { type RunningStack, type StackOptions, startStack } from './stack';
