/**
 * The landing page's HTML: the template (web/index.html) with one card per mounted app, made from
 * the apps themselves so that the page never links to an app that is not mounted. An app's title
 * "Name: what it shows" becomes the card's heading and its tagline.
 */
import type { WebApp } from "@tether/web-host";

/** Where the cards go in the template. */
export const CARDS_MARK = "<!-- cards -->";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function card(app: WebApp): string {
  const colon = app.title.indexOf(": ");
  const name = colon < 0 ? app.title : app.title.slice(0, colon);
  const tagline = colon < 0 ? "" : app.title.slice(colon + 2);
  const href = `${app.prefix}/`;
  return [
    `<li class="card">`,
    `  <h3>${escapeHtml(name)}</h3>`,
    tagline ? `  <p class="tagline">${escapeHtml(tagline)}</p>` : "",
    app.description ? `  <p class="description">${escapeHtml(app.description)}</p>` : "",
    `  <p class="actions"><a class="open" href="${escapeHtml(href)}" aria-label="Open ${escapeHtml(name)}">` +
      `Open <span aria-hidden="true">→</span></a> <code>${escapeHtml(href)}</code></p>`,
    `</li>`,
  ]
    .filter((line) => line !== "")
    .join("\n");
}

export function renderLanding(template: string, apps: readonly WebApp[]): string {
  const cards = apps.length === 0 ? `<li class="card empty">No examples are mounted.</li>` : apps.map(card).join("\n");
  return template.replace(CARDS_MARK, cards);
}
