// The search page without a search: the form. A search's URL (/search?q=…) is rendered by
// r/[query] (proxy.ts), so this page reads no query string and is prerendered.
import type { Metadata } from "next";
import { pageLocale, type LocaleParams } from "@/i18n/page";
import { SearchView, searchMetadata } from "./SearchView";

type Props = { params: Promise<LocaleParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return searchMetadata(await pageLocale(params), {});
}

export default async function SearchPage({ params }: Props) {
  return <SearchView locale={await pageLocale(params)} input={{}} />;
}
