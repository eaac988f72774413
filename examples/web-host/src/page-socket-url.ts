/** The WebSocket URL beside the page: `ws` relative to it, wss: when the page came over https:. */
export function pageSocketUrl(): string {
  const url = new URL("ws", location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.href;
}
