/**
 * The scripted brain: an offline, seeded persona that lives its day through the MCP
 * gateway and rates what it used. See {@link createScriptedBrain}.
 */
export { createScriptedBrain } from './scripted-brain';
