/**
 * `@tether/web-host/browser`: what the examples' pages share (browser code only): the transport
 * a page can cut or take offline, and the WebSocket URL beside the page.
 */
export { type LabTransport, labTransport } from "./lab-transport.js";
export { pageSocketUrl } from "./page-socket-url.js";
