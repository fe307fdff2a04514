// Renders lib/markdown's tree with React elements only: every text is escaped by React, no
// HTML string is ever injected.
import type { ReactNode } from "react";
import { parseMarkdown, type Block, type Inline } from "../lib/markdown";

function renderInline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case "text":
        return node.value;
      case "code":
        return <code key={i}>{node.value}</code>;
      case "em":
        return <em key={i}>{renderInline(node.children)}</em>;
      case "strong":
        return <strong key={i}>{renderInline(node.children)}</strong>;
      case "link": {
        const external = /^(https?:|mailto:)/i.test(node.href);
        return (
          <a key={i} href={node.href} rel={external ? "noopener noreferrer nofollow" : undefined}>
            {renderInline(node.children)}
          </a>
        );
      }
    }
  });
}

function renderBlock(block: Block, i: number): ReactNode {
  switch (block.type) {
    case "paragraph":
      return <p key={i}>{renderInline(block.children)}</p>;
    case "blockquote":
      return (
        <blockquote key={i}>
          <p>{renderInline(block.children)}</p>
        </blockquote>
      );
    case "heading": {
      const Tag = `h${block.level}` as const;
      return <Tag key={i}>{renderInline(block.children)}</Tag>;
    }
    case "list": {
      const items = block.items.map((item, j) => <li key={j}>{renderInline(item)}</li>);
      return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
    }
  }
}

export function Markdown({ source, className, lang }: { source: string; className?: string; lang?: string }) {
  return (
    <div className={className ?? "prose"} lang={lang}>
      {parseMarkdown(source).map(renderBlock)}
    </div>
  );
}
