// The root layout of embed cards (/embed/...), shown in iframes on other sites (oEmbed,
// app/api/oembed): the card alone, using the whole frame, without the site's header and
// footer. next.config.js allows any site to frame /embed (frame-ancestors *). German, like the
// newsroom's texts the card shows.
import type { ReactNode } from "react";
import "@/app/globals.css";

const EMBED_CSS = `
html, body { background: transparent; }
.embed-card { margin: 0; padding: 0.9rem 1rem; border: 1px solid var(--border); border-radius: var(--radius);
  background: var(--bg); font-size: 1rem; line-height: 1.45; }
.embed-card__meta { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0 0 0.5rem; }
.embed-card__claim { font-size: 1.15rem; margin: 0 0 0.4rem; }
.embed-card__claimant, .embed-card__summary { margin: 0 0 0.5rem; }
.embed-card__summary { display: -webkit-box; -webkit-line-clamp: 4; -webkit-box-orient: vertical; overflow: hidden; }
.embed-card__footer { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem; margin: 0; font-size: 0.9rem; }
`;

export default function EmbedRootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="de">
      <body>
        <style dangerouslySetInnerHTML={{ __html: EMBED_CSS }} />
        <main>{children}</main>
      </body>
    </html>
  );
}
