// The readable reference of the public API (GET /api/v1/docs): an HTML page rendered on the
// server from the OpenAPI document (lib/api/openapi.ts), with no script at all: nothing is
// loaded from another origin (the site's Content-Security-Policy allows none), and the page is
// the same document the machines read, so it cannot drift from it. Every text is escaped.
import { openApiDocument } from "./openapi";

type Json = Record<string, unknown>;

function esc(value: unknown): string {
  return String(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** `code` spans of Markdown-ish descriptions as <code>, the rest escaped. */
function prose(text: unknown): string {
  return esc(text ?? "").replace(/`([^`]+)`/g, "<code>$1</code>");
}

function refName(ref: string): string {
  return ref.replace("#/components/schemas/", "");
}

/** A short type of a JSON schema: string, integer, Claim, array of Quote, "a" | "b", … */
function typeOf(schema: Json | undefined): string {
  if (!schema) return "";
  if (typeof schema.$ref === "string") return `<a href="#schema-${esc(refName(schema.$ref))}">${esc(refName(schema.$ref))}</a>`;
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => `<code>${esc(JSON.stringify(v))}</code>`).join(" | ");
  if ("const" in schema) return `<code>${esc(JSON.stringify(schema.const))}</code>`;
  for (const key of ["anyOf", "oneOf"] as const) {
    if (Array.isArray(schema[key])) return (schema[key] as Json[]).map(typeOf).join(" or ");
  }
  const type = Array.isArray(schema.type) ? (schema.type as string[]).join(" or ") : (schema.type as string | undefined);
  if (type === "array") return `array of ${typeOf(schema.items as Json)}`;
  const format = typeof schema.format === "string" ? ` (${esc(schema.format)})` : "";
  return `${esc(type ?? "any")}${format}`;
}

function propertiesTable(schema: Json): string {
  const props = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows = Object.entries(props).map(
    ([name, p]) =>
      `<tr><td><code>${esc(name)}</code>${required.has(name) ? "" : " <small>(optional)</small>"}</td><td>${typeOf(p)}</td><td>${prose(p.description ?? "")}</td></tr>`,
  );
  if (!rows.length) return `<p>${typeOf(schema)}</p>`;
  return `<table><thead><tr><th>Field</th><th>Type</th><th>Description</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

export function renderReference(): string {
  const doc = openApiDocument() as unknown as Json;
  const info = doc.info as Json;
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const schemas = ((doc.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  const base = ((doc.servers as Json[])[0]!.url as string) ?? "/api/v1";

  const operations = Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => {
      const params = ((op.parameters as Json[] | undefined) ?? []).map(
        (p) =>
          `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${typeOf(p.schema as Json)}${p.required ? "" : " <small>(optional)</small>"}</td><td>${prose(p.description ?? (p.schema as Json | undefined)?.description ?? "")}</td></tr>`,
      );
      const responses = Object.entries((op.responses ?? {}) as Record<string, Json>).map(([status, r]) => {
        const content = (r.content ?? {}) as Record<string, Json>;
        const body = Object.entries(content)
          .map(([type, c]) => `${esc(type)}: ${typeOf(c.schema as Json)}`)
          .join("; ");
        return `<tr><td>${esc(status)}</td><td>${prose(r.description)}</td><td>${body}</td></tr>`;
      });
      const example = `${base}${path.replace(/\{(\w+)\}/g, (_, n: string) => `{${n}}`)}`;
      return `<section id="op-${esc(op.operationId)}">
<h3><span class="method">${esc(method.toUpperCase())}</span> <code>${esc(example)}</code></h3>
<p><strong>${esc(op.summary)}</strong></p>
<p>${prose(op.description)}</p>
${params.length ? `<h4>Parameters</h4><table><thead><tr><th>Name</th><th>In</th><th>Type</th><th>Description</th></tr></thead><tbody>${params.join("")}</tbody></table>` : ""}
<h4>Responses</h4><table><thead><tr><th>Status</th><th>Meaning</th><th>Body</th></tr></thead><tbody>${responses.join("")}</tbody></table>
</section>`;
    }),
  );

  const components = Object.entries(schemas).map(
    ([name, schema]) => `<section id="schema-${esc(name)}"><h3>${esc(name)}</h3>${schema.description ? `<p>${prose(schema.description)}</p>` : ""}${propertiesTable(schema)}</section>`,
  );

  const toc = Object.entries(paths)
    .flatMap(([path, item]) => Object.values(item).map((op) => `<li><a href="#op-${esc(op.operationId)}"><code>${esc(path)}</code></a>: ${esc(op.summary)}</li>`))
    .join("");

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.title)} ${esc(info.version)}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem 1.5rem;color:#1b1b1b;background:#fff}
code{font-family:ui-monospace,monospace;font-size:.9em;background:#f3f3f3;padding:0 .2em;border-radius:3px}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f7f7f7}section{border-top:1px solid #ddd;padding-top:.5rem;margin-top:1.5rem}.method{background:#0b6e4f;color:#fff;padding:0 .4em;border-radius:3px;font-size:.8em}
a{color:#0645ad}small{color:#555}
</style>
</head>
<body>
<h1>${esc(info.title)} <small>${esc(info.version)}</small></h1>
${String(info.description ?? "")
  .split("\n\n")
  .map((p) => `<p>${prose(p)}</p>`)
  .join("\n")}
<p>Machine-readable: <a href="${esc(base)}/openapi.json">OpenAPI 3.1 document</a>. Base URL: <code>${esc(base)}</code>.</p>
<h2>Endpoints</h2>
<ul>${toc}</ul>
${operations.join("\n")}
<h2>Schemas</h2>
${components.join("\n")}
</body>
</html>
`;
}
