// A page of the App Router rendered to HTML outside Next.js, the way the server renders it:
// server components (async or not) are called and awaited here, in order, until only client
// components and HTML elements are left; react-dom/server then renders those (client
// components with their hooks: next-intl's provider, forms with useActionState). No build and
// no server: what a page says can be checked word by word in a unit of the test suite (the
// e2e tests check the built server).
//
// A component is taken for a client component when calling it outside React's renderer fails
// (its first hook has no renderer to ask); Next.js's own signals (notFound(), redirect(),
// which carry a digest) go on to the caller.
import { createElement, Fragment, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { parseHTML } from "linkedom";

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype;
const isThenable = (v: unknown): v is PromiseLike<unknown> => v !== null && typeof v === "object" && typeof (v as { then?: unknown }).then === "function";
const hasDigest = (e: unknown) => e !== null && typeof e === "object" && "digest" in e;

/** Calls `component` as a server component; `undefined` when it is a client component. */
function callServerComponent(component: (props: unknown) => unknown, props: unknown): { result: unknown } | undefined {
  if (component.constructor.name === "AsyncFunction") return { result: component(props) };
  // A hook outside a render: React says so on the console before it fails. Not news here.
  const consoleError = console.error;
  console.error = () => {};
  try {
    return { result: component(props) };
  } catch (error) {
    if (hasDigest(error)) throw error;
    return undefined;
  } finally {
    console.error = consoleError;
  }
}

/** Props with every element inside them resolved (children, and elements passed as values). */
async function resolveProps(props: Record<string, unknown>, depth = 0): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) out[key] = await resolveValue(value, depth);
  return out;
}

async function resolveValue(value: unknown, depth: number): Promise<unknown> {
  if (depth > 8) return value;
  if (isValidElement(value)) return resolve(value);
  if (Array.isArray(value)) return Promise.all(value.map((v) => resolveValue(v, depth + 1)));
  if (isPlainObject(value)) return resolveProps(value, depth + 1);
  return value;
}

/** The tree of `node` with every server component replaced by what it renders. */
export async function resolve(node: unknown): Promise<ReactNode> {
  if (isThenable(node)) return resolve(await node);
  if (Array.isArray(node)) return Promise.all(node.map(resolve)) as Promise<ReactNode>;
  if (!isValidElement(node)) return node as ReactNode;
  const element = node as ReactElement<Record<string, unknown>>;
  const { type, props, key } = element;
  if (typeof type === "function") {
    const called = callServerComponent(type as (props: unknown) => unknown, props);
    // What a server component renders keeps the element's place in a list (its key).
    if (called) return key === null ? resolve(called.result) : createElement(Fragment, { key }, await resolve(called.result));
  }
  // An HTML element, a fragment, a provider or a client component: its props resolved, and
  // its children passed as they were written (a list of children in JSX needs no keys).
  const { children, ...rest } = await resolveProps(props);
  const config = { ...rest, key: key ?? undefined };
  return Array.isArray(children) ? createElement(type as string, config, ...(children as ReactNode[])) : createElement(type as string, config, children as ReactNode);
}

/** The HTML of a page: its root layout and layouts around it, outermost first. */
export async function renderPage(layouts: ((props: { children: ReactNode }) => unknown)[], page: ReactElement): Promise<string> {
  let tree: ReactNode = page;
  for (const Layout of [...layouts].reverse()) tree = createElement(Layout as (props: { children: ReactNode }) => ReactNode, null, tree);
  return renderToString((await resolve(tree)) as ReactElement);
}

/**
 * The interface text of an HTML page in `lang`: its text and labelling attributes (aria-label,
 * title, placeholder, alt), without content (an element in another language, translate="no",
 * form values, scripts) and without the options that name records (their value is a record's id).
 */
export function interfaceText(html: string, lang: string): string {
  const { document } = parseHTML(html.startsWith("<html") || html.startsWith("<!") ? html : `<html><body>${html}</body></html>`);
  const isContent = (el: Element) =>
    (el.hasAttribute("lang") && !el.getAttribute("lang")!.startsWith(lang)) ||
    el.getAttribute("translate") === "no" ||
    ["TEXTAREA", "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(el.tagName) ||
    (el.tagName === "OPTION" && /^c[a-z0-9]{20,}$/.test(el.getAttribute("value") ?? ""));
  const texts: string[] = [];
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) texts.push(child.textContent ?? "");
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (isContent(el)) continue;
        for (const name of ["aria-label", "title", "placeholder", "alt"]) {
          const v = el.getAttribute(name);
          if (v) texts.push(v);
        }
        walk(el);
      }
    }
  };
  walk(document.documentElement);
  return texts.join("\n");
}
