// Embed cards (/embed/...) are shown in iframes on other sites (oEmbed, app/api/oembed): they
// hide the site's header and footer, which the root layout renders around every page, and
// use the whole frame. next.config.js allows any site to frame /embed (frame-ancestors *).
import type { ReactNode } from "react";

const EMBED_CSS = `
.skip-link, .site-header, .site-footer { display: none !important; }
html, body { background: transparent; }
main.container { max-width: none; min-height: 0; padding: 0; }
.embed-card { margin: 0; padding: 0.9rem 1rem; border: 1px solid var(--border); border-radius: var(--radius);
  background: var(--bg); font-size: 1rem; line-height: 1.45; }
.embed-card__meta { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0 0 0.5rem; }
.embed-card__claim { font-size: 1.15rem; margin: 0 0 0.4rem; }
.embed-card__claimant, .embed-card__summary { margin: 0 0 0.5rem; }
.embed-card__summary { display: -webkit-box; -webkit-line-clamp: 4; -webkit-box-orient: vertical; overflow: hidden; }
.embed-card__footer { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem; margin: 0; font-size: 0.9rem; }
`;

export default function EmbedLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: EMBED_CSS }} />
      {children}
    </>
  );
}
