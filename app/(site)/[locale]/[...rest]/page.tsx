// Any other path under a language: the site's not-found page, in that language.
import { notFound } from "next/navigation";
import { pageLocale, type LocaleParams } from "@/i18n/page";

export default async function UnknownPage({ params }: { params: Promise<LocaleParams> }) {
  await pageLocale(params);
  notFound();
}
