// What a server action receives when a browser submits a form: run with
// `node --conditions=react-server tests/helpers/browser-form.cjs` (React's server decoder
// refuses to load without that condition, which vitest does not set), the form on stdin as JSON
//   { "fields": { "text": "…" }, "files": { "file": null | { "name": "a.txt", "type": "text/plain", "content": "…" } } }
// (null = a file input with no file chosen), and prints, for both ways a form reaches the
// action, the entries it gets: [name, string] or [name, { file: { name, size, type, content } }].
//
//  - "js": the form submitted through React (useActionState): React's client encodes the
//    FormData (encodeReply), the browser sends it as multipart, and Next.js decodes it with
//    busboy and React's decodeReplyFromBusboy;
//  - "nojs": the form posted before hydration: Next.js reads the multipart body with
//    Request.formData() and hands that FormData to the action.
//
// The multipart body is written the way browsers write it (HTML's "multipart/form-data encoding
// algorithm"): a file input without a file is a part with `filename=""`, type
// application/octet-stream and no content. Node's own serializer leaves the empty filename out,
// which browsers do not, so the body is written here rather than by `new Request(…, { body })`.
"use strict";
const path = require("node:path");
const { Readable } = require("node:stream");

const compiled = path.join(path.dirname(require.resolve("next/package.json")), "dist/compiled");
const client = require(path.join(compiled, "react-server-dom-webpack/client.edge.js"));
const server = require(path.join(compiled, "react-server-dom-webpack/server.node.js"));
const busboy = require(path.join(compiled, "busboy"));

function browserForm(spec) {
  const form = new FormData();
  for (const [name, value] of Object.entries(spec.fields ?? {})) form.append(name, value);
  for (const [name, file] of Object.entries(spec.files ?? {})) {
    // HTML: "If there are no selected files, … a new File object with an empty name,
    // application/octet-stream as type, and an empty body."
    form.append(name, file ? new File([file.content], file.name, { type: file.type }) : new File([], "", { type: "application/octet-stream" }));
  }
  return form;
}

async function multipart(form) {
  const boundary = "----WebKitFormBoundaryClaimbaseTest01";
  const chunks = [];
  const esc = (s) => s.replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/"/g, "%22");
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${esc(name)}"\r\n\r\n${value}\r\n`));
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${esc(name)}"; filename="${esc(value.name)}"\r\nContent-Type: ${value.type || "application/octet-stream"}\r\n\r\n`));
      chunks.push(Buffer.from(await value.arrayBuffer()));
      chunks.push(Buffer.from("\r\n"));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks) };
}

async function entries(form) {
  const out = [];
  for (const [name, value] of form.entries()) {
    out.push([name, typeof value === "string" ? value : { file: { name: value.name, size: value.size, type: value.type, content: await value.text() } }]);
  }
  return out;
}

async function main() {
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  const spec = JSON.parse(input);

  // With JavaScript: encodeReply → multipart → busboy → decodeReplyFromBusboy.
  const encoded = await client.encodeReply([browserForm(spec)]);
  const js = await multipart(encoded);
  const bb = busboy({ headers: { "content-type": js.contentType } });
  const decoded = server.decodeReplyFromBusboy(bb, {});
  Readable.from(js.body).pipe(bb);
  const [jsForm] = await decoded;

  // Without JavaScript: the form's own multipart body, read by Request.formData().
  const plain = await multipart(browserForm(spec));
  const nojsForm = await new Request("http://localhost/", { method: "POST", headers: { "content-type": plain.contentType }, body: plain.body }).formData();

  process.stdout.write(JSON.stringify({ js: await entries(jsForm), nojs: await entries(nojsForm) }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
