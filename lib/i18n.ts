// Every string the UI shows, in one place. The public site is German at the root URLs and
// English under /en (app/(site)/[locale], i18n/routing.ts); `en` must have the same keys (the
// type below enforces it). The newsroom (/admin, /signin) stays German.
//
// Content is never translated: claim texts, quotes and source titles keep their own language
// (`language` columns), and the newsroom's own texts (summaries, analyses, bios, correction
// notes) are in NEWSROOM_LANGUAGE. Pages mark both with `lang` attributes.
//
// This module is also imported by client components (the sign-in form): it must not import
// server-only modules at the top level (getLocale loads next/headers when it runs).
import type { ClaimStatus, CorrectionKind, EvidenceStance, Role, SpeakerKind, SpeechKind } from "./generated/prisma/enums";

export type Locale = "de" | "en";
export const LOCALES: readonly Locale[] = ["de", "en"];
export const DEFAULT_LOCALE: Locale = "de";

/** The language the newsroom writes its own texts in (summaries, analyses, bios, notes). */
export const NEWSROOM_LANGUAGE = "de";

/** The cookie that remembers the reader's choice of language. */
export const LOCALE_COOKIE = "claimbase-locale";

/** The language tag dates and numbers are formatted in (lib/format.ts): German as in
 * Germany, English as in Britain ("11 November 2017", not the American "November 11, 2017"). */
export const FORMAT_LOCALE: Record<Locale, string> = { de: "de-DE", en: "en-GB" };

const deNumber = new Intl.NumberFormat("de-DE");
const enNumber = new Intl.NumberFormat("en-GB");

const de = {
  locale: "de" as Locale,
  dateLocale: "de-DE",
  /** The name of this language, in itself (the switch link shows the other one). */
  languageName: "Deutsch",
  /** Quotation marks around a direct quote. */
  quoteOpen: "„",
  quoteClose: "“",
  site: {
    name: "Claimbase",
    tagline: "Wer hat was gesagt, und stimmt es?",
    skipToContent: "Zum Inhalt springen",
    mainNav: "Hauptnavigation",
    footerNav: "Über Claimbase",
    footer: "Claimbase: eine offene Datenbank geprüfter Aussagen.",
    languageSwitch: "Sprache",
  },
  nav: {
    claims: "Faktenchecks",
    topics: "Themen",
    methodology: "Methodik",
    corrections: "Korrekturen",
    signIn: "Anmelden",
    admin: "Redaktion",
    search: "Suche",
  },
  home: {
    title: "Faktenchecks",
    intro: "Die neuesten geprüften Aussagen.",
    empty: "Noch keine veröffentlichten Faktenchecks.",
    emptyPage: "Auf dieser Seite gibt es keine Faktenchecks.",
    backToFirst: "Zur ersten Seite",
    topics: "Themen",
    allTopics: "Alle Themen",
  },
  pagination: {
    label: "Seiten",
    previous: "Vorherige Seite",
    next: "Nächste Seite",
    pageOf: (page: number, count: number) => `Seite ${deNumber.format(page)} von ${deNumber.format(count)}`,
  },
  claim: {
    claimant: "Urheber",
    claimedOn: "Geäußert am",
    verdict: "Bewertung",
    noVerdict: "ohne Bewertung",
    summary: "Zusammenfassung",
    analysis: "Analyse",
    evidence: "Belege",
    noEvidence: "Keine Belege verzeichnet.",
    origin: "Herkunft der Aussage",
    quotes: "Zitate",
    passages: "Textstelle",
    inContext: "Im Zusammenhang",
    noSnapshot: "Der gespeicherte Quelltext ist nicht verfügbar.",
    publishedAt: "Veröffentlicht am",
    updatedAt: "Aktualisiert am",
    corrections: "Korrekturen",
    correction: "Korrektur",
    retraction: "Zurückgezogen",
    retractedNotice: "Dieser Faktencheck wurde zurückgezogen.",
    correctedNotice: "Dieser Faktencheck wurde korrigiert.",
    previousVerdict: "Frühere Bewertung",
    previousSummary: "Frühere Zusammenfassung",
    topics: "Themen",
    source: "Quelle",
    openSource: "Quelle öffnen",
    reportedBy: "wiedergegeben von",
    said: "sagte",
    indirect: "indirekte Rede",
    direct: "wörtliches Zitat",
    excerpt: "Auszug",
  },
  stance: {
    supports: "Stützt die Aussage",
    refutes: "Widerlegt die Aussage",
    context: "Weiterer Zusammenhang",
  } satisfies Record<EvidenceStance, string>,
  speechKind: { direct: "wörtlich", indirect: "indirekt" } satisfies Record<SpeechKind, string>,
  speaker: {
    aliases: "Auch bekannt als",
    roles: "Funktionen",
    since: "seit",
    until: "bis",
    quotes: "Zitate",
    claims: "Geprüfte Aussagen",
    noQuotes: "Keine veröffentlichten Zitate.",
    noClaims: "Keine veröffentlichten Faktenchecks.",
    shownOf: (shown: number, total: number) => `${deNumber.format(shown)} von ${deNumber.format(total)} angezeigt`,
    wikidata: "Wikidata",
    kind: { person: "Person", organization: "Organisation", publication: "Publikation" } satisfies Record<SpeakerKind, string>,
    inClaims: "Geprüft in",
    bio: "Über",
    verdicts: "Bewertungen",
    verdictsCaption: (name: string) => `Bewertungen der Faktenchecks zu Aussagen von ${name}`,
    verdictColumn: "Bewertung",
    countColumn: "Anzahl",
    barColumn: "Anteil",
    noVerdicts: "Noch keine bewerteten Aussagen.",
    retractedNotCounted: "Zurückgezogene Faktenchecks sind nicht mitgezählt.",
    quotesPages: "Seiten der Zitate",
    claimsPages: "Seiten der Faktenchecks",
    emptyPage: "Auf dieser Seite gibt es keine Einträge.",
    backToFirst: "Zur ersten Seite",
  },
  topics: {
    title: "Themen",
    intro: "Die Faktenchecks nach Themen geordnet.",
    empty: "Noch keine Themen mit veröffentlichten Faktenchecks.",
    claimCount: (n: number) => (n === 1 ? "1 Faktencheck" : `${deNumber.format(n)} Faktenchecks`),
    claims: "Faktenchecks zu diesem Thema",
    emptyPage: "Auf dieser Seite gibt es keine Faktenchecks.",
    backToFirst: "Zur ersten Seite",
    allTopics: "Alle Themen",
  },
  methodology: {
    title: "Methodik",
    intro: "Wie wir Aussagen auswählen, prüfen und bewerten.",
    scale: "Die Bewertungsskala",
    scaleIntro: "Jeder Faktencheck endet mit einer dieser Bewertungen, von der besten zur schlechtesten.",
    scaleCaption: "Bewertungen, ihre Bedeutung und ihr Zahlenwert in ClaimReview",
    labelColumn: "Bewertung",
    explanationColumn: "Bedeutung",
    ratingColumn: "ClaimReview-Wert",
    noRating: "keiner",
    ratingStatement: (best: number, worst: number) =>
      `Jeder Faktencheck enthält die Bewertung auch maschinenlesbar als ClaimReview (schema.org): mit dem Namen der Bewertung und ihrem Zahlenwert auf einer Skala mit bestRating ${deNumber.format(best)} (beste Bewertung) und worstRating ${deNumber.format(worst)} (schlechteste). Bewertungen ohne Zahlenwert stehen dort nur mit ihrem Namen.`,
    noScale: "Es ist noch keine Bewertungsskala eingerichtet.",
    workflow: "So arbeiten wir",
    workflowSteps: [
      "Wir prüfen Tatsachenbehauptungen, keine Meinungen. Jede Aussage halten wir in neutralen Worten fest, zusammen mit dem Zitat, der Quelle und der Textstelle, in der sie steht.",
      "Eine Redakteurin oder ein Redakteur recherchiert, sammelt Belege, die die Aussage stützen, widerlegen oder einordnen, und schlägt eine Bewertung mit Zusammenfassung vor.",
      "Vier-Augen-Prinzip: Kein Faktencheck erscheint, bevor eine zweite Person aus der Redaktion, die die Bewertung nicht selbst vorgeschlagen hat, ihn geprüft und freigegeben hat. Eine abgelehnte Prüfung geht mit Begründung zurück in die Recherche.",
      "Korrekturen: Ändern wir nach der Veröffentlichung die Bewertung oder die Zusammenfassung, erscheint auf der Seite eine datierte Korrekturnotiz, die ebenfalls freigegeben werden muss; die frühere Bewertung bleibt sichtbar.",
      "Rücknahmen: Ein zurückgezogener Faktencheck bleibt mit einem Hinweis online. Nichts wird stillschweigend gelöscht.",
    ],
    correctionsLink: "Alle Korrekturen und Rücknahmen",
  },
  corrections: {
    title: "Korrekturen",
    intro: "Alle veröffentlichten Korrekturen und Rücknahmen, die neuesten zuerst.",
    empty: "Bisher gab es keine Korrekturen.",
    emptyPage: "Auf dieser Seite gibt es keine Korrekturen.",
    backToFirst: "Zur ersten Seite",
    kind: { correction: "Korrektur", retraction: "Rücknahme" } satisfies Record<CorrectionKind, string>,
    of: "zu",
  },
  search: {
    title: "Suche",
    intro: "Faktenchecks, Zitate und Personen durchsuchen.",
    label: "Suchbegriff",
    hint: "Zum Beispiel: Herrschaftsgebiet, Putin, \"freie Wahlen\" (in Anführungszeichen: genau diese Wörter), Syrien -Irak (ohne Irak).",
    submit: "Suchen",
    filters: "Filter",
    verdict: "Bewertung",
    anyVerdict: "Alle Bewertungen",
    speaker: "Person",
    speakerHint: "Name, zum Beispiel Putin",
    unknownSpeaker: (name: string) => `Keine Person „${name}“ mit veröffentlichten Faktenchecks oder Zitaten.`,
    topic: "Thema",
    anyTopic: "Alle Themen",
    from: "Von",
    to: "Bis",
    dateHint: "Datum der Veröffentlichung (Faktenchecks) oder der Äußerung (Zitate).",
    reset: "Alle Filter entfernen",
    tabs: "Art der Treffer",
    types: { all: "Alle", claims: "Faktenchecks", quotes: "Zitate", speakers: "Personen" },
    typeClaim: "Faktencheck",
    typeQuote: "Zitat",
    results: "Suchergebnisse",
    count: (n: number) => (n === 1 ? "1 Treffer" : `${deNumber.format(n)} Treffer`),
    countFor: (n: number, q: string) => `${n === 1 ? "1 Treffer" : `${deNumber.format(n)} Treffer`} für „${q}“`,
    noQuery: "Geben Sie einen Suchbegriff ein oder wählen Sie einen Filter.",
    empty: (q: string) => `Keine Treffer für „${q}“.`,
    emptyFilters: "Keine Treffer mit diesen Filtern.",
    emptyHint: "Prüfen Sie die Schreibweise, versuchen Sie andere Wörter oder entfernen Sie Filter.",
    emptyType: "Unter dieser Art gibt es keine Treffer; die anderen Arten haben welche.",
    emptyPage: "Auf dieser Seite gibt es keine Treffer.",
    backToFirst: "Zur ersten Seite",
    fallback: (q: string) => `Keine genauen Treffer für „${q}“. Ähnliche Treffer:`,
    didYouMean: "Meinten Sie",
    alias: "auch",
    quoteFrom: "Geprüft in",
    saidBy: "sagte",
    pages: "Seiten der Suchergebnisse",
  },
  signIn: {
    title: "Anmelden",
    intro: "Anmeldung für die Redaktion.",
    email: "E-Mail",
    password: "Passwort",
    submit: "Anmelden",
    pending: "Anmeldung läuft …",
    invalidCredentials: "E-Mail oder Passwort ist falsch.",
    invalidInput: "Bitte eine gültige E-Mail-Adresse und ein Passwort eingeben.",
    failed: "Die Anmeldung ist fehlgeschlagen. Bitte später noch einmal versuchen.",
  },
  admin: {
    title: "Redaktion",
    signedInAs: (name: string, role: string) => `Angemeldet als ${name} (${role})`,
    claimsByStatus: "Aussagen nach Status",
    status: "Status",
    count: "Anzahl",
    total: "Gesamt",
    signOut: "Abmelden",
  },
  role: { admin: "Admin", editor: "Redaktion", reviewer: "Prüfung", contributor: "Mitarbeit" } satisfies Record<Role, string>,
  status: {
    draft: "Entwurf",
    in_research: "In Recherche",
    in_review: "In Prüfung",
    published: "Veröffentlicht",
    corrected: "Korrigiert",
    retracted: "Zurückgezogen",
  } satisfies Record<ClaimStatus, string>,
  notFound: {
    title: "Seite nicht gefunden",
    text: "Diese Seite gibt es nicht oder nicht mehr.",
    home: "Zu den Faktenchecks",
  },
};

export type Dictionary = typeof de;

const en: Dictionary = {
  locale: "en",
  dateLocale: "en-GB",
  languageName: "English",
  quoteOpen: "“",
  quoteClose: "”",
  site: {
    name: "Claimbase",
    tagline: "Who said what, and is it true?",
    skipToContent: "Skip to content",
    mainNav: "Main navigation",
    footerNav: "About Claimbase",
    footer: "Claimbase: an open database of checked statements.",
    languageSwitch: "Language",
  },
  nav: {
    claims: "Fact checks",
    topics: "Topics",
    methodology: "Methodology",
    corrections: "Corrections",
    signIn: "Sign in",
    admin: "Newsroom",
    search: "Search",
  },
  home: {
    title: "Fact checks",
    intro: "The latest checked statements.",
    empty: "No published fact checks yet.",
    emptyPage: "There are no fact checks on this page.",
    backToFirst: "Go to the first page",
    topics: "Topics",
    allTopics: "All topics",
  },
  pagination: {
    label: "Pages",
    previous: "Previous page",
    next: "Next page",
    pageOf: (page: number, count: number) => `Page ${enNumber.format(page)} of ${enNumber.format(count)}`,
  },
  claim: {
    claimant: "Claimant",
    claimedOn: "Said on",
    verdict: "Verdict",
    noVerdict: "no verdict",
    summary: "Summary",
    analysis: "Analysis",
    evidence: "Evidence",
    noEvidence: "No evidence recorded.",
    origin: "Where the claim comes from",
    quotes: "Quotes",
    passages: "Passage",
    inContext: "In context",
    noSnapshot: "The stored source text is not available.",
    publishedAt: "Published on",
    updatedAt: "Updated on",
    corrections: "Corrections",
    correction: "Correction",
    retraction: "Retracted",
    retractedNotice: "This fact check has been retracted.",
    correctedNotice: "This fact check has been corrected.",
    previousVerdict: "Previous verdict",
    previousSummary: "Previous summary",
    topics: "Topics",
    source: "Source",
    openSource: "Open source",
    reportedBy: "reported by",
    said: "said",
    indirect: "indirect speech",
    direct: "direct quote",
    excerpt: "Excerpt",
  },
  stance: {
    supports: "Supports the claim",
    refutes: "Refutes the claim",
    context: "Adds context",
  },
  speechKind: { direct: "direct", indirect: "indirect" },
  speaker: {
    aliases: "Also known as",
    roles: "Roles",
    since: "since",
    until: "until",
    quotes: "Quotes",
    claims: "Checked claims",
    noQuotes: "No published quotes.",
    noClaims: "No published fact checks.",
    shownOf: (shown: number, total: number) => `${enNumber.format(shown)} of ${enNumber.format(total)} shown`,
    wikidata: "Wikidata",
    kind: { person: "Person", organization: "Organisation", publication: "Publication" },
    inClaims: "Checked in",
    bio: "About",
    verdicts: "Verdicts",
    verdictsCaption: (name: string) => `Verdicts of the fact checks of statements by ${name}`,
    verdictColumn: "Verdict",
    countColumn: "Count",
    barColumn: "Share",
    noVerdicts: "No rated statements yet.",
    retractedNotCounted: "Retracted fact checks are not counted.",
    quotesPages: "Pages of quotes",
    claimsPages: "Pages of fact checks",
    emptyPage: "There is nothing on this page.",
    backToFirst: "Go to the first page",
  },
  topics: {
    title: "Topics",
    intro: "The fact checks, by topic.",
    empty: "No topics with published fact checks yet.",
    claimCount: (n: number) => (n === 1 ? "1 fact check" : `${enNumber.format(n)} fact checks`),
    claims: "Fact checks on this topic",
    emptyPage: "There are no fact checks on this page.",
    backToFirst: "Go to the first page",
    allTopics: "All topics",
  },
  methodology: {
    title: "Methodology",
    intro: "How we choose, check and rate statements.",
    scale: "The rating scale",
    scaleIntro: "Every fact check ends with one of these verdicts, from best to worst.",
    scaleCaption: "Verdicts, what they mean and their number in ClaimReview",
    labelColumn: "Verdict",
    explanationColumn: "Meaning",
    ratingColumn: "ClaimReview value",
    noRating: "none",
    ratingStatement: (best: number, worst: number) =>
      `Every fact check also carries its verdict in machine-readable form as ClaimReview (schema.org): the name of the verdict and its number on a scale with bestRating ${enNumber.format(best)} (best verdict) and worstRating ${enNumber.format(worst)} (worst). Verdicts without a number appear there by name only.`,
    noScale: "No rating scale has been set up yet.",
    workflow: "How we work",
    workflowSteps: [
      "We check statements of fact, not opinions. Each statement is recorded in neutral words, together with the quote, the source and the passage where it appears.",
      "An editor researches it, collects evidence that supports, refutes or adds context to the statement, and proposes a verdict with a summary.",
      "Four eyes: no fact check is published before a second member of the newsroom, who did not propose the verdict, has reviewed and approved it. A rejected review goes back to research with the reviewer's reasons.",
      "Corrections: if we change the verdict or the summary after publication, the page shows a dated correction note, which must be approved as well; the previous verdict stays visible.",
      "Retractions: a retracted fact check stays online with a notice. Nothing is silently deleted.",
    ],
    correctionsLink: "All corrections and retractions",
  },
  corrections: {
    title: "Corrections",
    intro: "Every published correction and retraction, newest first.",
    empty: "There have been no corrections so far.",
    emptyPage: "There are no corrections on this page.",
    backToFirst: "Go to the first page",
    kind: { correction: "Correction", retraction: "Retraction" },
    of: "of",
  },
  search: {
    title: "Search",
    intro: "Search fact checks, quotes and people.",
    label: "Search term",
    hint: "For example: Herrschaftsgebiet, Putin, \"freie Wahlen\" (in quotation marks: these exact words), Syrien -Irak (without Irak).",
    submit: "Search",
    filters: "Filters",
    verdict: "Verdict",
    anyVerdict: "All verdicts",
    speaker: "Person",
    speakerHint: "A name, for example Putin",
    unknownSpeaker: (name: string) => `No person “${name}” with published fact checks or quotes.`,
    topic: "Topic",
    anyTopic: "All topics",
    from: "From",
    to: "To",
    dateHint: "Date of publication (fact checks) or of the statement (quotes).",
    reset: "Remove all filters",
    tabs: "Kind of result",
    types: { all: "All", claims: "Fact checks", quotes: "Quotes", speakers: "People" },
    typeClaim: "Fact check",
    typeQuote: "Quote",
    results: "Search results",
    count: (n: number) => (n === 1 ? "1 result" : `${enNumber.format(n)} results`),
    countFor: (n: number, q: string) => `${n === 1 ? "1 result" : `${enNumber.format(n)} results`} for “${q}”`,
    noQuery: "Enter a search term or choose a filter.",
    empty: (q: string) => `No results for “${q}”.`,
    emptyFilters: "No results with these filters.",
    emptyHint: "Check the spelling, try other words or remove filters.",
    emptyType: "There are no results of this kind; the other kinds have some.",
    emptyPage: "There are no results on this page.",
    backToFirst: "Go to the first page",
    fallback: (q: string) => `No exact results for “${q}”. Similar results:`,
    didYouMean: "Did you mean",
    alias: "also",
    quoteFrom: "Checked in",
    saidBy: "said",
    pages: "Pages of search results",
  },
  signIn: {
    title: "Sign in",
    intro: "Sign-in for the newsroom.",
    email: "E-mail",
    password: "Password",
    submit: "Sign in",
    pending: "Signing in …",
    invalidCredentials: "E-mail or password is incorrect.",
    invalidInput: "Please enter a valid e-mail address and a password.",
    failed: "Sign-in failed. Please try again later.",
  },
  admin: {
    title: "Newsroom",
    signedInAs: (name: string, role: string) => `Signed in as ${name} (${role})`,
    claimsByStatus: "Claims by status",
    status: "Status",
    count: "Count",
    total: "Total",
    signOut: "Sign out",
  },
  role: { admin: "admin", editor: "editor", reviewer: "reviewer", contributor: "contributor" },
  status: {
    draft: "Draft",
    in_research: "In research",
    in_review: "In review",
    published: "Published",
    corrected: "Corrected",
    retracted: "Retracted",
  },
  notFound: {
    title: "Page not found",
    text: "This page does not exist, or no longer exists.",
    home: "Go to the fact checks",
  },
};

export const dictionaries: Record<Locale, Dictionary> = { de, en };

/** The dictionary for a locale (German when none is given: the newsroom's pages). */
export function getDictionary(locale: Locale = DEFAULT_LOCALE): Dictionary {
  return dictionaries[locale];
}

export function isLocale(value: unknown): value is Locale {
  return value === "de" || value === "en";
}

/** The language of the page being rendered (server only): the one its [locale] segment set
 * (i18n/page.ts pageLocale), German elsewhere (the newsroom, sign-in, scripts). */
export async function getLocale(): Promise<Locale> {
  // Loaded here, not at the top: client components import this module too.
  const { getLocale: localeOfRender } = await import("next-intl/server");
  try {
    const value = await localeOfRender();
    return value === "en" ? "en" : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE; // outside a request
  }
}

/** The locale of a public URL path and the path without its language prefix:
 * `/en/claims/x` → en, `/claims/x`; `/en` → en, `/`; `/claims/x` → de, `/claims/x`. */
export function splitLocale(path: string): { locale: Locale; path: string } {
  if (path === "/en" || path.startsWith("/en/") || path.startsWith("/en?")) {
    const rest = path.slice(3);
    return { locale: "en", path: rest === "" || rest.startsWith("?") ? `/${rest}` : rest };
  }
  return { locale: DEFAULT_LOCALE, path };
}

// First path segments that are not public pages in two languages: the newsroom, sign-in,
// APIs, embeds, feeds, the sitemap, robots.txt, the language switch itself.
const UNLOCALIZED_SEGMENTS = new Set([
  "admin",
  "api",
  "_next",
  "signin",
  "reset-password",
  "embed",
  "lang",
  "feed",
  "feeds",
  "rss",
  "atom",
  "sitemap",
  "robots",
]);

/** Whether a path (without language prefix) is a public page that exists in both languages.
 * Paths whose last segment has a dot are files (feed.xml, sitemap.xml, robots.txt, icons). */
export function isLocalizedPath(path: string): boolean {
  const pathname = path.split(/[?#]/, 1)[0] ?? "/";
  const segments = pathname.split("/").filter(Boolean);
  const first = segments[0];
  if (first !== undefined && (UNLOCALIZED_SEGMENTS.has(first.toLowerCase()) || first.startsWith("."))) return false;
  const last = segments[segments.length - 1];
  return last === undefined || !last.includes(".");
}

/** Whether an Accept-Language header ranks English above German (quality, then order). */
export function prefersEnglish(acceptLanguage: string | null): boolean {
  if (!acceptLanguage) return false;
  const best: Record<Locale, { q: number; at: number }> = { de: { q: 0, at: Infinity }, en: { q: 0, at: Infinity } };
  acceptLanguage
    .split(",")
    .slice(0, 32)
    .forEach((part, at) => {
      const [tag = "", ...params] = part.trim().split(";");
      const language = tag.trim().toLowerCase().split("-")[0];
      if (!isLocale(language)) return;
      let q = 1;
      for (const param of params) {
        const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param);
        if (m) q = Number(m[1]);
      }
      if (q > best[language].q) best[language] = { q, at };
    });
  if (best.en.q === 0) return false;
  return best.en.q > best.de.q || (best.en.q === best.de.q && best.en.at < best.de.at);
}

/** The URL of a public page in a language: `localeHref("en", "/claims/x")` is
 * `/en/claims/x`, `localeHref("en", "/")` is `/en`, German paths stay as they are. */
export function localeHref(locale: Locale, path: string): string {
  const clean = path.startsWith("/") ? path : `/${path}`;
  if (locale === DEFAULT_LOCALE) return clean;
  if (clean === "/") return "/en";
  if (clean.startsWith("/?") || clean.startsWith("/#")) return `/en${clean.slice(1)}`;
  return `/en${clean}`;
}

/** hreflang alternates of a public page (metadata `alternates.languages`), absolute when an
 * origin is given; x-default is the German URL (it redirects by the browser's language). */
export function languageAlternates(path: string, origin = ""): Record<string, string> {
  const base = origin.replace(/\/+$/, "");
  return {
    de: `${base}${localeHref("de", path)}`,
    en: `${base}${localeHref("en", path)}`,
    "x-default": `${base}${localeHref("de", path)}`,
  };
}

/** How a direct quote is shown: in the quotation marks of the page's language, „…“ or “…”
 * (catalogue namespace `quotation`; `marks` is its translator, from getTranslations). */
export function quoted(text: string, marks: (key: "open" | "close") => string): string {
  return `${marks("open")}${text}${marks("close")}`;
}
