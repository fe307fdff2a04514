// A search: `/search?q=Putin&type=claims` is rendered here as `/search/r/q%3DPutin%26type%3Dclaims`
// (proxy.ts, lib/paged-routes.ts searchRoute), so that it is rendered once and kept in Next.js's
// cache under the tag `search` until a public change (lib/public/revalidate.ts). The segment is
// the search's query string; anything in it is read as the search form would send it.
import type { Metadata } from "next";
import { noPagesAtBuildTime, pageLocale, type LocaleParams } from "@/i18n/page";
import { parseSearchParams } from "@/lib/public/search";
import { SearchView, searchMetadata } from "../../SearchView";

type Props = { params: Promise<LocaleParams & { query: string }> };

export const generateStaticParams = noPagesAtBuildTime;

async function inputOf(params: Props["params"]) {
  const { query } = await params;
  return parseSearchParams(Object.fromEntries(new URLSearchParams(searchOfSegment(query))));
}

/** The query string in the segment. Next.js hands the page the segment still percent-encoded
 * (generateMetadata gets it decoded): encoded, a query string has no "=" (it is %3D). */
function searchOfSegment(segment: string): string {
  if (segment.includes("=")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return "";
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return searchMetadata(await pageLocale(params), await inputOf(params));
}

export default async function SearchResultsPage({ params }: Props) {
  return <SearchView locale={await pageLocale(params)} input={await inputOf(params)} />;
}
