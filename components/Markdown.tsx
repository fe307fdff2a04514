// Markdown as React elements (react-markdown with the rules of lib/markdown). No HTML string is
// ever injected: every text is escaped by React. A server component (react-markdown's
// synchronous renderer uses no hooks), so the public pages render it without client JavaScript.
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import { defuseMarkdown, isExternalHref, markdownSchema, rehypeRawAsText, remarkShiftHeadings, safeHref, type HeadingLevel } from "../lib/markdown";

const components: Components = {
  // A link whose target safeHref refused keeps only its text.
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel={isExternalHref(href) ? "noopener noreferrer nofollow" : undefined}>
        {children}
      </a>
    ) : (
      <>{children}</>
    ),
  // No images from contributors' notes (they would load from anywhere): their alt text.
  img: ({ alt }) => <>{alt ?? ""}</>,
};

export function Markdown({
  source,
  className,
  lang,
  topHeadingLevel = 3,
}: {
  source: string;
  className?: string;
  lang?: string;
  topHeadingLevel?: HeadingLevel;
}) {
  return (
    <div className={className ?? "prose"} lang={lang}>
      <ReactMarkdown
        remarkPlugins={[[remarkShiftHeadings, { top: topHeadingLevel }]]}
        rehypePlugins={[rehypeRawAsText, [rehypeSanitize, markdownSchema]]}
        urlTransform={(url) => safeHref(url) ?? ""}
        components={components}
      >
        {defuseMarkdown(source)}
      </ReactMarkdown>
    </div>
  );
}
