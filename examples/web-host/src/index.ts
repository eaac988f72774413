export { CommandLine, type Flags } from "./command-line.js";
export { closeHttp, type HostedApp, hostApp, listen } from "./http-host.js";
export { nicknameId, nicknameOf } from "./nickname.js";
export { type StaticFiles, staticFiles } from "./static-files.js";
export type { WebApp } from "./web-app.js";
