/** @tether/codegen: the `tether generate` command, and the same as a function. */
export { GENERATE_DEFAULTS, type GenerateOptions, generate, moduleName, protoFiles } from "./generate.js";
