// An embed card of a claim that is not public (or does not exist).
import { getDictionary } from "@/lib/i18n";

export default function EmbedNotFound() {
  const t = getDictionary("de");
  return <p className="embed-card">{t.notFound.title}</p>;
}
