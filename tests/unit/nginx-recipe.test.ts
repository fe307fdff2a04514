// The shipped nginx recipe (deploy/nginx.conf), as text: what e2e/cache.spec.ts cannot see
// because it holds only behind a load (a timing), and what the benchmark adjusts in it.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { adjustRecipe, NGINX_RECIPE } from "../../scripts/nginx-front";

const recipe = fs.readFileSync(NGINX_RECIPE, "utf8");

/** The directives of the recipe's server block at its own level (not inside a location). */
function serverDirectives(text: string): string[] {
  const lines = text.split("\n").map((line) => line.replace(/#.*/, "").trim());
  const start = lines.indexOf("server {");
  expect(start).toBeGreaterThanOrEqual(0);
  const out: string[] = [];
  let depth = 1;
  for (const line of lines.slice(start + 1)) {
    if (!line) continue;
    if (depth === 1 && line.endsWith(";")) out.push(line.replace(/\s+/g, " "));
    depth += (line.match(/{/g) ?? []).length - (line.match(/}/g) ?? []).length;
    if (depth === 0) break;
  }
  return out;
}

describe("deploy/nginx.conf", () => {
  it("turns tcp_nopush off for the site: with Debian's sendfile and tcp_nopush on, every answer over 64 KB waited 40 ms", () => {
    expect(serverDirectives(recipe)).toContain("tcp_nopush off;");
  });

  it("is adjusted for a machine only at its ADJUST lines", () => {
    const adjusted = adjustRecipe(recipe, { listen: "127.0.0.1:8080", upstreams: ["127.0.0.1:3001", "127.0.0.1:3002"], cacheDir: "/tmp/c" });
    expect(adjusted).toContain("listen 127.0.0.1:8080;");
    expect(adjusted).toContain("server 127.0.0.1:3001;\n    server 127.0.0.1:3002;");
    expect(adjusted).toContain("proxy_cache_path /tmp/c ");
    expect(serverDirectives(adjusted).filter((d) => !/^(listen|server) /.test(d))).toEqual(
      serverDirectives(recipe).filter((d) => !/^(listen|server) /.test(d)),
    );
  });
});
