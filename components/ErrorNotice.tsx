"use client";
// What a reader or an editor sees when a page failed to render (the error.tsx of the public
// site, the desk and sign-in): a message in the page's language and a way to try again,
// instead of a blank page. The error itself goes to the server log, never to the browser.
import { useTranslations } from "next-intl";

export function ErrorNotice({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
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
