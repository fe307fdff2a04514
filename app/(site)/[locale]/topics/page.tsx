import type { Metadata } from "next";
import Link from "next/link";
import { TopicDescription, localizedTopic } from "@/components/TopicText";
import { pageLocale, publicAlternates, type LocaleParams } from "@/i18n/page";
import { getDictionary, localeHref } from "@/lib/i18n";
import { listPublicTopics } from "@/lib/public/cached";

type Props = { params: Promise<LocaleParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = getDictionary(locale);
  return { title: t.topics.title, description: t.topics.intro, alternates: await publicAlternates(locale, "/topics") };
}

export default async function TopicsPage({ params }: Props) {
  const locale = await pageLocale(params);
  const t = getDictionary(locale);
  const collator = new Intl.Collator(t.dateLocale);
  const topics = (await listPublicTopics()).map((topic) => ({ ...topic, ...localizedTopic(topic, locale) }));
  topics.sort((a, b) => collator.compare(a.name, b.name));

  return (
    <>
      <h1>{t.topics.title}</h1>
      <p className="lead">{t.topics.intro}</p>
      {topics.length === 0 ? (
        <p className="empty">{t.topics.empty}</p>
      ) : (
        <ul className="topic-index">
          {topics.map((topic) => (
            <li key={topic.slug}>
              <h2>
                <Link href={localeHref(locale, `/topics/${encodeURIComponent(topic.slug)}`)}>{topic.name}</Link>
              </h2>
              <TopicDescription topic={topic} />
              <p className="muted">{t.topics.claimCount(topic.claimCount)}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
