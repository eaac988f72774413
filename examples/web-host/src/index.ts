export { type StaticFiles, staticFiles } from "./static-files.js";
export type { WebApp } from "./web-app.js";
