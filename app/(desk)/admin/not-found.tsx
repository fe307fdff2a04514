// A newsroom URL that names nothing (a deleted record, a mistyped address).
import Link from "next/link";
import { getDictionary } from "@/lib/i18n";

export default function DeskNotFound() {
  const t = getDictionary("de");
  return (
    <>
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.text}</p>
      <p>
        <Link href="/admin">{t.nav.admin}</Link>
      </p>
    </>
  );
}
