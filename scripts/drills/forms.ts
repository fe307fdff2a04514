// The server actions of the app as the fuzz drill sees them: every export of app/**/actions.ts,
// found in the action registry (lib/actions/define.ts) with its permission and form schema, and
// in the build's manifest with the id the browser sends. The form fields come from the schema:
// its object keys (through preprocess steps, defaults and optionals), each with a kind and,
// where the schema says, its choices; a valid value for each makes the baseline form that the
// drill spoils one field at a time, so the hostile value reaches the code behind validation.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { ActionMeta } from "../../lib/actions/define";
import { readActionManifest, type ActionRef } from "./client";

export type FieldKind = "string" | "number" | "boolean" | "enum" | "list" | "date" | "unknown";

export interface Field {
  name: string;
  kind: FieldKind;
  /** Allowed values of an enum. */
  options?: string[];
  required: boolean;
  /** For a list of objects (repeated rows): the row's keys. */
  rowKeys?: string[];
}

export interface AppAction {
  name: string;
  /** repo-relative file and export */
  file: string;
  exportName: string;
  meta: ActionMeta;
  ref: ActionRef;
  fields: Field[];
  files: readonly string[];
}

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Strips wrappers that do not change the field's kind; says whether it may be left out. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let current = schema;
  let optional = false;
  for (let i = 0; i < 20; i++) {
    const def = defOf(current);
    if (def.type === "optional" || def.type === "default" || def.type === "nullable" || def.type === "prefault" || def.type === "catch") {
      if (def.type !== "nullable") optional = true;
      current = def.innerType as z.ZodType;
    } else if (def.type === "pipe") {
      // preprocess(fn, schema) is pipe(transform, schema); schema.transform(fn) is pipe(schema, transform).
      const input = def.in as z.ZodType;
      current = defOf(input).type === "transform" ? (def.out as z.ZodType) : input;
    } else break;
  }
  return { inner: current, optional };
}

function fieldOf(name: string, schema: z.ZodType): Field {
  const { inner, optional } = unwrap(schema);
  const def = defOf(inner);
  const required = !optional;
  switch (def.type) {
    case "string": {
      const checks = (def.checks as { _zod: { def: { check: string; format?: string; pattern?: RegExp } } }[] | undefined) ?? [];
      const dated = checks.some((c) => c._zod.def.format === "regex" && /\\d\{4\}-\\d\{2\}/.test(String(c._zod.def.pattern)));
      return { name, kind: dated ? "date" : "string", required };
    }
    case "number":
    case "bigint":
    case "int":
      return { name, kind: "number", required };
    case "boolean":
      return { name, kind: "boolean", required: false };
    case "enum":
      return { name, kind: "enum", options: Object.values(def.entries as Record<string, string>), required };
    case "literal":
      return { name, kind: "enum", options: (def.values as unknown[]).map(String), required };
    case "array": {
      const element = unwrap(def.element as z.ZodType).inner;
      const rowKeys = defOf(element).type === "object" ? Object.keys((element as z.ZodObject).shape) : undefined;
      return { name, kind: "list", required: false, rowKeys };
    }
    default:
      return { name, kind: "unknown", required };
  }
}

/** The form fields of a schema: the keys of its object. */
export function formFields(schema: z.ZodType | undefined): Field[] {
  if (!schema) return [];
  const { inner } = unwrap(schema);
  const def = defOf(inner);
  if (def.type === "object") return Object.entries((inner as z.ZodObject).shape).map(([name, s]) => fieldOf(name, s as z.ZodType));
  if (def.type === "union" || def.type === "intersection") {
    const parts = def.type === "union" ? (def.options as z.ZodType[]) : [def.left as z.ZodType, def.right as z.ZodType];
    const seen = new Map<string, Field>();
    for (const part of parts) for (const f of formFields(part)) if (!seen.has(f.name)) seen.set(f.name, f);
    return [...seen.values()];
  }
  return [];
}

function actionFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...actionFiles(p));
    else if (entry.name === "actions.ts") found.push(p);
  }
  return found.sort();
}

/** Every server action: registry × build manifest. `problems` lists exports that are in one but
 * not the other (a stale build, or an export made without defineAction). */
export async function loadActions(root: string): Promise<{ actions: AppAction[]; problems: string[] }> {
  const { actionRegistry } = await import("../../lib/actions/define");
  const manifest = readActionManifest(root);
  const actions: AppAction[] = [];
  const problems: string[] = [];
  for (const file of actionFiles(path.join(root, "app"))) {
    const rel = path.relative(root, file).split(path.sep).join("/");
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(mod)) {
      const meta = actionRegistry.get(value);
      if (!meta) {
        problems.push(`${rel}: export ${exportName} is not in the action registry`);
        continue;
      }
      const ref = manifest.find((a) => a.filename === rel && a.exportedName === exportName);
      if (!ref) {
        problems.push(`${rel}: ${exportName} is not in the build's server-reference-manifest (rebuild?)`);
        continue;
      }
      actions.push({ name: meta.name, file: rel, exportName, meta, ref, fields: formFields(meta.schema), files: meta.files ?? [] });
    }
  }
  return { actions, problems };
}
