import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TopicDescription, localizedTopic } from "@/components/TopicText";
import { pageLocale, publicAlternates, type LocaleParams } from "@/i18n/page";
import { localeHref } from "@/lib/i18n";
import { collator } from "@/lib/format";
import { listPublicTopics } from "@/lib/public/cached";

type Props = { params: Promise<LocaleParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "topics" });
  return { title: t("title"), description: t("intro"), alternates: await publicAlternates(locale, "/topics") };
}

export default async function TopicsPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "topics" });
  const byName = collator(locale);
  const topics = (await listPublicTopics()).map((topic) => ({ ...topic, ...localizedTopic(topic, locale) }));
  topics.sort((a, b) => byName.compare(a.name, b.name));

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {topics.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <ul className="topic-index">
          {topics.map((topic) => (
            <li key={topic.slug}>
              <h2>
                <Link href={localeHref(locale, `/topics/${encodeURIComponent(topic.slug)}`)}>{topic.name}</Link>
              </h2>
              <TopicDescription topic={topic} />
              <p className="muted">{t("claimCount", { count: topic.claimCount })}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
