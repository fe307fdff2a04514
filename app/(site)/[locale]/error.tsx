"use client";
// A public page that failed to render: a message in the page's language and a way to try
// again, instead of a blank page (the error itself goes to the server log, never to readers).
import { useTranslations } from "next-intl";

export default function PublicError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("text")}</p>
      <p>
        <button type="button" onClick={() => reset()}>
          {t("retry")}
        </button>
      </p>
    </>
  );
}
