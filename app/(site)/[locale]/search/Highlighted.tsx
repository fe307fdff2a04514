// A search snippet: its matched words in <mark>. Every segment is rendered as text by React,
// never as HTML: the markers came from ts_headline and were turned into segments by
// lib/public/search (parseSnippet).
import { Fragment } from "react";
import type { Snippet } from "@/lib/public/search";

export function Highlighted({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {snippet.map((segment, i) => (segment.hit ? <mark key={i}>{segment.text}</mark> : <Fragment key={i}>{segment.text}</Fragment>))}
    </>
  );
}

export function hasHit(snippet: Snippet | null): boolean {
  return snippet?.some((s) => s.hit) ?? false;
}
