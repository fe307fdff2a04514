// robots.txt: the public site may be crawled; the newsroom, the APIs and the sign-in pages
// may not (they answer nothing useful to a crawler, and the newsroom needs a session anyway).
import type { MetadataRoute } from "next";
import { absoluteUrl, getSiteInfo, paths } from "@/lib/site";

export const dynamic = "force-dynamic";

export default async function robots(): Promise<MetadataRoute.Robots> {
  const { origin } = await getSiteInfo();
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: ["/admin", "/api", "/signin", "/reset-password"],
    },
    sitemap: absoluteUrl(origin, paths.sitemap),
  };
}
