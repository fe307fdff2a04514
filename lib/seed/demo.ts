// The demo newsroom a fresh install shows: three desk accounts and the seed article (APEC
// summit, Da Nang, November 2017) worked through the whole desk — speakers, quotes, claims in
// every stage of the workflow, evidence, reviews and the revision log.
//
// The article and its hand annotation are read from data/seed/ (apec-2017-de.txt and
// apec-2017-de.gold.json). Everything the annotation does not contain — verdicts, summaries,
// analyses, evidence, bios, roles — is editorial content written for the demo and kept in the
// DATA section below, apart from the loading logic further down.
//
// bootstrap() calls loadDemoData only on an empty newsroom, after the verdict scale and the
// admin exist. All writes happen in one transaction: a half-loaded demo never remains.
// Claims move from stage to stage only through the workflow (transitionClaim, with its rules
// and four eyes); nothing here writes a claim's status or public state itself.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db } from "../db/client";
import type { ClaimStatus, EvidenceStance, Prisma, SourceKind, SpeakerKind } from "../generated/prisma/client";
import { generatePassword, hashPassword } from "../auth/password";
import type { SessionUser } from "../auth/session";
import { transitionClaim, type Transition } from "../editorial/workflow";
import { recordRevision } from "../revisions";
import { slugify, uniqueSlug } from "../slug";

type Tx = Prisma.TransactionClient;

// ════════════════════════════════════════════════════════════════════════════════════════════
// DATA: accounts
// ════════════════════════════════════════════════════════════════════════════════════════════

// No shared, documented password: each demo account gets its own generated one, printed once
// at the first start beside the admin's (lib/seed/bootstrap.ts describeSignIn). Together the
// editor and the reviewer satisfy four eyes, so a known password would let anyone publish.
// Only CLAIMBASE_DEMO_PASSWORD (set by the browser tests) gives them one chosen password.

export type DemoRole = "editor" | "reviewer" | "contributor";

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: DemoRole }> = [
  { email: "redaktion@claimbase.local", name: "Katrin Albers", role: "editor" },
  { email: "pruefung@claimbase.local", name: "Jonas Brandt", role: "reviewer" },
  { email: "mitarbeit@claimbase.local", name: "Lena Hoffmann", role: "contributor" },
];

// ════════════════════════════════════════════════════════════════════════════════════════════
// DATA: the seed article
// ════════════════════════════════════════════════════════════════════════════════════════════

const ARTICLE_FILE = "data/seed/apec-2017-de.txt";
const GOLD_FILE = "data/seed/apec-2017-de.gold.json";

const ARTICLE = {
  // The file has no headline of its own; this one names what the report is about.
  title: "Trump und Putin beim Apec-Gipfel: Einigung zu Syrien",
  // The report does not name its agency.
  publisher: "Nachrichtenagentur (Agenturmeldung)",
  publishedAt: "2017-11-11T12:00:00Z",
};

// When and where the quotes were said. The summit Saturday fits them all; the one quote the
// article places elsewhere gets its own place.
const QUOTE_CONTEXT = {
  saidOn: "2017-11-11",
  occasion: "APEC-Gipfel",
  place: "Da Nang, Vietnam",
  placeOverride: { q1: "Flug von Da Nang nach Hanoi" } as Record<string, string>,
};

// English translations of the direct quotes, written for the demo. Trump spoke English; the
// agency's German wording is what the source shows and what Quote.text keeps, so these are
// translations of the German, not Trump's original words.
const QUOTE_TRANSLATIONS_EN: Record<string, string> = {
  q1: "If we had a relationship with Russia, that would be a good thing",
  q2: "Every time he sees me, he says 'I didn't do that', and I really believe him when he says it, he means it",
  q3: "I didn't do that",
  q4: "We seem to have a good feeling for each other, a good relationship, considering that we don't know each other well. I think it is a very good relationship.",
  q5: "to turn a new page, to move forward, to look to the future",
  q6: "That we manage to agree on anything at all under these circumstances is good. But it is not enough.",
  q7: "Everything connected with the so-called Russia dossier in the USA is an expression of an ongoing domestic political struggle.",
};

// ════════════════════════════════════════════════════════════════════════════════════════════
// DATA: speakers (keyed by the gold annotation's speaker ids)
// ════════════════════════════════════════════════════════════════════════════════════════════

interface SpeakerPlan {
  kind: SpeakerKind;
  /** Replaces the gold name where the gold only has an annotator's note. */
  name?: string;
  bio: string;
  roles: { title: string; organization?: string; start?: string; end?: string }[];
}

const SPEAKERS: Record<string, SpeakerPlan> = {
  trump: {
    kind: "person",
    bio: "US-amerikanischer Unternehmer und Politiker der Republikanischen Partei. Er war von 2017 bis 2021 der 45. Präsident der Vereinigten Staaten und ist seit Januar 2025 der 47.",
    roles: [
      { title: "Präsident der USA", organization: "Vereinigte Staaten", start: "2017-01-20", end: "2021-01-20" },
      { title: "Präsident der USA", organization: "Vereinigte Staaten", start: "2025-01-20" },
    ],
  },
  putin: {
    kind: "person",
    bio: "Russischer Politiker. Er war von 2000 bis 2008 Präsident Russlands, danach Ministerpräsident, und ist seit 2012 wieder Präsident.",
    roles: [
      { title: "Präsident Russlands", organization: "Russische Föderation", start: "2000-05-07", end: "2008-05-07" },
      { title: "Präsident Russlands", organization: "Russische Föderation", start: "2012-05-07" },
    ],
  },
  peskow: {
    kind: "person",
    bio: "Russischer Diplomat. Seit 2012 ist er Pressesprecher des russischen Präsidenten und damit Sprecher des Kremls.",
    roles: [{ title: "Kremlsprecher", organization: "Präsidialverwaltung Russlands", start: "2012-05-22" }],
  },
  tillerson: {
    kind: "person",
    bio: "US-amerikanischer Manager, früher Vorstandschef von ExxonMobil. Von 2017 bis 2018 war er Außenminister der USA.",
    roles: [{ title: "Außenminister der USA", organization: "US-Außenministerium", start: "2017-02-01", end: "2018-03-31" }],
  },
  lawrow: {
    kind: "person",
    bio: "Russischer Diplomat. Seit 2004 ist er Außenminister Russlands, zuvor war er Ständiger Vertreter Russlands bei den Vereinten Nationen.",
    roles: [{ title: "Außenminister Russlands", organization: "Russische Föderation", start: "2004-03-09" }],
  },
  assad: {
    kind: "person",
    bio: "Syrischer Politiker. Er war von 2000 bis zu seinem Sturz im Dezember 2024 Präsident Syriens.",
    roles: [{ title: "Präsident Syriens", organization: "Syrien", start: "2000-07-17", end: "2024-12-08" }],
  },
  "joint-statement": {
    // A document, not a person: it "says" things in the article ("hieß es in der Erklärung").
    kind: "organization",
    bio: "Gemeinsame Erklärung der Präsidenten der USA und Russlands zu Syrien, veröffentlicht am 11. November 2017 am Rande des APEC-Gipfels in Da Nang.",
    roles: [],
  },
  article: {
    // The article speaking in its own voice: the claimant of the claims the report makes itself.
    kind: "publication",
    name: "Nachrichtenagentur",
    bio: "Die Nachrichtenagentur, von der die Meldung zum APEC-Gipfel 2017 stammt, als Urheberin eigener Aussagen. Die Meldung nennt die Agentur nicht.",
    roles: [],
  },
};

// ════════════════════════════════════════════════════════════════════════════════════════════
// DATA: topics
// ════════════════════════════════════════════════════════════════════════════════════════════

const TOPICS = [
  { slug: "syrien", nameDe: "Syrien", nameEn: "Syria", descriptionDe: "Der Krieg in Syrien und die Versuche, ihn politisch zu beenden.", descriptionEn: "The war in Syria and the attempts to end it politically." },
  { slug: "usa-russland", nameDe: "Beziehungen USA–Russland", nameEn: "US–Russia relations", descriptionDe: "Das Verhältnis zwischen den Vereinigten Staaten und Russland.", descriptionEn: "Relations between the United States and Russia." },
  { slug: "us-wahl-2016", nameDe: "US-Wahl 2016", nameEn: "US election 2016", descriptionDe: "Die US-Präsidentschaftswahl 2016 und die Frage der Einflussnahme von außen.", descriptionEn: "The 2016 US presidential election and the question of foreign interference." },
  { slug: "terrorismus", nameDe: "Terrorismus", nameEn: "Terrorism", descriptionDe: "Terrororganisationen wie der IS und der Kampf gegen sie.", descriptionEn: "Terrorist organisations such as ISIS and the fight against them." },
  { slug: "medien", nameDe: "Medien", nameEn: "Media", descriptionDe: "Medien, Pressefreiheit und staatliche Sender.", descriptionEn: "Media, press freedom and state broadcasters." },
  { slug: "vereinte-nationen", nameDe: "Vereinte Nationen", nameEn: "United Nations", descriptionDe: "Die Vereinten Nationen und die Beschlüsse des Sicherheitsrates.", descriptionEn: "The United Nations and the resolutions of its Security Council." },
] as const;

type TopicSlug = (typeof TOPICS)[number]["slug"];

// ════════════════════════════════════════════════════════════════════════════════════════════
// DATA: evidence sources
// ════════════════════════════════════════════════════════════════════════════════════════════
// We keep no verbatim copies of these documents in the repository. Each snapshot is a German
// summary written for the demo and says so in its first words, so that nobody mistakes it for
// the original wording; `language` therefore describes the stored snapshot ("de"). Evidence
// excerpts below must be word-for-word substrings of these snapshots.

const SUMMARY_NOTE = "Redaktionelle Zusammenfassung (Paraphrase, kein Originalwortlaut).";

interface EvidenceSourcePlan {
  kind: SourceKind;
  title: string;
  publisher: string;
  url: string | null;
  publishedAt: string;
  snapshotText: string;
}

const EVIDENCE_SOURCES = {
  "un-resolution-2254": {
    kind: "official_document",
    title: "Resolution 2254 (2015) des UN-Sicherheitsrates",
    publisher: "Vereinte Nationen",
    url: "https://undocs.org/S/RES/2254(2015)",
    publishedAt: "2015-12-18T12:00:00Z",
    snapshotText: [
      SUMMARY_NOTE,
      "Der UN-Sicherheitsrat hat die Resolution 2254 am 18. Dezember 2015 einstimmig angenommen. Er unterstützt darin einen von Syrern geführten und von den Vereinten Nationen moderierten politischen Prozess auf der Grundlage des Genfer Kommuniqués von 2012.",
      "Dieser Prozess soll innerhalb von sechs Monaten eine glaubwürdige, inklusive und nicht konfessionell gebundene Regierungsführung schaffen und einen Zeitplan und ein Verfahren für die Ausarbeitung einer neuen Verfassung festlegen.",
      "Der Rat unterstützt zudem freie und faire Wahlen auf der Grundlage der neuen Verfassung, die innerhalb von 18 Monaten unter Aufsicht der Vereinten Nationen abgehalten werden sollen, nach höchsten internationalen Standards der Transparenz und Rechenschaft, und an denen alle Syrer teilnehmen können, auch die in der Diaspora.",
      "Außerdem fordert die Resolution eine landesweite Waffenruhe; Angriffe auf Terrorgruppen wie den IS und die Nusra-Front sind davon ausgenommen.",
    ].join("\n\n"),
  },
  "coalition-statement-2017-11-15": {
    kind: "official_document",
    title: "Erklärung des US-Sondergesandten Brett McGurk nach dem Treffen der Globalen Koalition gegen den IS in Jordanien (15. November 2017)",
    publisher: "US-Außenministerium (Sondergesandter für die Globale Koalition gegen den IS)",
    url: null,
    publishedAt: "2017-11-15T12:00:00Z",
    snapshotText: [
      SUMMARY_NOTE,
      "Nach einem Treffen von Mitgliedsstaaten der US-geführten Globalen Koalition gegen den IS in Jordanien erklärte der US-Sondergesandte für die Koalition, Brett McGurk, der IS habe seit der Gründung der Koalition im Jahr 2014 95 Prozent der Gebiete verloren, die er im Irak und in Syrien kontrolliert hatte.",
      "Mehr als 7,5 Millionen Menschen seien von der Herrschaft des IS befreit worden. Der Zustrom ausländischer Kämpfer nach Syrien sei nahezu zum Erliegen gekommen.",
    ].join("\n\n"),
  },
  "ap-2017-11-04": {
    kind: "news_article",
    title: "Islamic State loses its footing in Syria, Iraq",
    publisher: "Associated Press (Nachdruck: Central Maine)",
    url: "https://www.centralmaine.com/2017/11/04/islamic-state-loses-its-footing-in-syria-iraq/",
    publishedAt: "2017-11-04T12:00:00Z",
    snapshotText: [
      SUMMARY_NOTE,
      "Die Nachrichtenagentur AP berichtete Anfang November 2017 aus Beirut, der IS sei nach neuen Niederlagen aus mehr als 96 Prozent der großen Gebiete im Irak und in Syrien vertrieben worden, die er einst beherrschte.",
      "Der US-Sondergesandte Brett McGurk habe erklärt, der Gruppe drohe nach den Verlusten im Westen des Irak und dem Verlust von fast 96 Prozent ihres Gebiets die Vernichtung.",
    ].join("\n\n"),
  },
  "doj-fara-rt-2017-11-13": {
    kind: "official_document",
    title: "Mitteilung des US-Justizministeriums zur FARA-Registrierung von T&R Productions LLC (RT America)",
    publisher: "US-Justizministerium",
    url: null,
    publishedAt: "2017-11-13T12:00:00Z",
    snapshotText: [
      SUMMARY_NOTE,
      "Das US-Justizministerium teilte am 13. November 2017 mit, dass sich die in Washington ansässige T&R Productions LLC nach dem Foreign Agents Registration Act (FARA) als Agent der ANO TV-Nowosti registriert hat, der russischen staatlichen Organisation, die das RT-Netzwerk weltweit verbreitet.",
      "T&R Productions betreibe Studios für RT, beschäftige und bezahle Mitarbeiter in den USA und produziere englischsprachige Sendungen.",
      "Der zuständige amtierende Abteilungsleiter Dana Boente erklärte, die Amerikaner hätten ein Recht zu wissen, wer in den USA im Auftrag ausländischer Auftraggeber Einfluss auf Regierung oder Öffentlichkeit nehmen wolle.",
    ].join("\n\n"),
  },
  "joint-statement-2017-11-11": {
    kind: "official_document",
    title: "Gemeinsame Erklärung der Präsidenten der USA und Russlands zu Syrien (Da Nang, 11. November 2017)",
    publisher: "Weißes Haus und Kreml",
    url: null,
    publishedAt: "2017-11-11T12:00:00Z",
    snapshotText: [
      SUMMARY_NOTE,
      "Die Präsidenten Trump und Putin bekräftigen ihre Entschlossenheit, den IS in Syrien zu besiegen, und vereinbaren, die militärischen Kommunikationskanäle zur Vermeidung von Zwischenfällen offen zu halten. Sie würdigen die Fortschritte bei der Waffenruhe im Südwesten Syriens, die bei ihrem letzten Treffen in Hamburg am 7. Juli 2017 vereinbart worden war.",
      "Die Präsidenten sind sich einig, dass es für den Konflikt in Syrien keine militärische Lösung gibt. Die politische Lösung müsse im Rahmen des Genfer Prozesses nach Resolution 2254 des UN-Sicherheitsrates gefunden werden.",
      "Sie nehmen die jüngste Zusage von Präsident Assad zum Genfer Prozess sowie zu einer Verfassungsreform und zu Wahlen, wie sie Resolution 2254 vorsieht, zur Kenntnis.",
      "Zur vollständigen Umsetzung der Resolution gehörten eine Verfassungsreform und freie und faire Wahlen unter Aufsicht der Vereinten Nationen, an denen alle Syrer einschließlich der Diaspora teilnehmen können.",
    ].join("\n\n"),
  },
  "odni-ica-2017-01-06": {
    kind: "official_document",
    title: "Einschätzung der US-Geheimdienste zu russischen Aktivitäten und Absichten bei den jüngsten US-Wahlen (6. Januar 2017)",
    publisher: "Büro des Direktors der nationalen Nachrichtendienste der USA (ODNI)",
    url: "https://www.dni.gov/files/documents/ICA_2017_01.pdf",
    publishedAt: "2017-01-06T12:00:00Z",
    snapshotText: [
      SUMMARY_NOTE,
      "Die US-Geheimdienste CIA, FBI und NSA kommen in ihrer gemeinsamen Einschätzung zu dem Schluss, dass Russlands Präsident Wladimir Putin 2016 eine Einflusskampagne angeordnet hat, die auf die US-Präsidentschaftswahl zielte. Ziel sei gewesen, das Vertrauen der Öffentlichkeit in den demokratischen Prozess der USA zu untergraben, Hillary Clinton herabzusetzen und ihre Wahlchancen zu beschädigen. Putin und die russische Regierung hätten eine klare Präferenz für Donald Trump entwickelt. Diese Einschätzungen treffen die Dienste mit hohem Vertrauen.",
      "Die Kampagne habe verdeckte Geheimdienstoperationen wie Cyberangriffe mit offenen Aktivitäten verbunden: von Regierungsstellen, staatlich finanzierten Medien wie RT und Sputnik, Mittelsleuten und bezahlten Nutzern sozialer Medien („Trollen“). Der Militärgeheimdienst GRU habe gehackte Daten über die Kunstfigur „Guccifer 2.0“ und die Website DCLeaks.com veröffentlicht und an Wikileaks weitergegeben.",
      "Welche Wirkung die russischen Aktivitäten auf den Ausgang der Wahl hatten, haben die Dienste nach eigenen Angaben nicht bewertet. Die veröffentlichte Fassung enthält die zugrunde liegenden Erkenntnisse nicht vollständig, um Quellen und Methoden zu schützen.",
    ].join("\n\n"),
  },
  "facebook-2017-09-06": {
    kind: "other",
    title: "An Update On Information Operations On Facebook (6. September 2017)",
    publisher: "Facebook",
    url: null,
    publishedAt: "2017-09-06T12:00:00Z",
    snapshotText: [
      SUMMARY_NOTE,
      "Facebook teilte mit, es habe Werbeausgaben von rund 100.000 US-Dollar aus der Zeit von Juni 2015 bis Mai 2017 gefunden, verbunden mit rund 3.000 Anzeigen. Sie gingen auf etwa 470 unechte Konten und Seiten zurück, die miteinander verbunden gewesen und wahrscheinlich von Russland aus betrieben worden seien.",
      "Die meisten dieser Anzeigen hätten nicht ausdrücklich die Präsidentschaftswahl, die Stimmabgabe oder einen Kandidaten genannt, sondern spaltende gesellschaftliche und politische Botschaften verbreitet.",
    ].join("\n\n"),
  },
  "tillerson-hamburg-2017-07-07": {
    kind: "transcript",
    title: "Äußerungen von US-Außenminister Rex Tillerson zum Treffen der Präsidenten Trump und Putin (Hamburg, 7. Juli 2017)",
    publisher: "US-Außenministerium",
    url: null,
    publishedAt: "2017-07-07T18:00:00Z",
    snapshotText: [
      SUMMARY_NOTE,
      "US-Außenminister Rex Tillerson berichtete nach dem Treffen der Präsidenten Trump und Putin am Rande des G20-Gipfels in Hamburg, Trump habe das Gespräch mit den Sorgen der Amerikaner über eine russische Einmischung in die Wahl 2016 eröffnet. Die beiden hätten ausführlich darüber gesprochen, und Trump habe Putin mehr als einmal auf eine russische Beteiligung angesprochen.",
      "Präsident Putin habe eine solche Beteiligung bestritten, wie er es auch früher getan habe.",
    ].join("\n\n"),
  },
  "lawrow-hamburg-2017-07-07": {
    kind: "transcript",
    title: "Pressekonferenz des russischen Außenministers Sergej Lawrow nach dem Treffen der Präsidenten Putin und Trump (Hamburg, 7. Juli 2017)",
    publisher: "Außenministerium der Russischen Föderation",
    url: null,
    publishedAt: "2017-07-07T18:00:00Z",
    snapshotText: [
      SUMMARY_NOTE,
      "Der russische Außenminister Sergej Lawrow sagte nach dem Treffen der Präsidenten am Rande des G20-Gipfels in Hamburg, Trump habe erklärt, er habe Putins klare Aussage gehört, dass dies nicht wahr sei und die russische Führung sich nicht in die Wahl eingemischt habe, und er akzeptiere diese Aussage.",
    ].join("\n\n"),
  },
} satisfies Record<string, EvidenceSourcePlan>;

/** An evidence source, or the seed article itself. */
type EvidenceSourceKey = keyof typeof EVIDENCE_SOURCES | "article";

// ════════════════════════════════════════════════════════════════════════════════════════════
// DATA: the claims' editorial state (keyed by the gold annotation's claim ids)
// ════════════════════════════════════════════════════════════════════════════════════════════
// One claim in each stage of the workflow, so the desk and the public site both have
// something to show:
//   c1 published (mostly-true)   c2 in_research (review rejected)   c3 in_research
//   c4 published (true)          c5 in_review (proposed: true)      c6 published (mostly-false)
//   c7 published (true)          c8 draft
// plus a claim the desk made from Trump's quote q2 (CLAIMS_FROM_QUOTES), published (mostly-true).
// Readers thus find the quotes of both presidents in context: Trump's q2 on its claim, Putin's
// q3 and q7 on his denial c6. Every step after the draft goes through the workflow
// (lib/editorial/workflow.ts): the editor submits, the reviewer approves or rejects.

type VerdictKey = "true" | "mostly-true" | "half-true" | "misleading" | "mostly-false" | "false" | "unverifiable";
type Stage = Extract<ClaimStatus, "draft" | "in_research" | "in_review" | "published">;

interface EvidencePlan {
  source: EvidenceSourceKey;
  stance: EvidenceStance;
  /** Word for word from the source's snapshot; the offsets are looked up. */
  excerpt: string;
  note: string;
  addedBy: DemoRole;
}

interface ClaimPlan {
  stage: Stage;
  createdBy: DemoRole;
  assignee?: DemoRole;
  topics: TopicSlug[];
  /** Quotes the claim comes from besides those with the very same span (found automatically). */
  relatedQuotes?: string[];
  researchNotes?: string;
  /** The working verdict, proposed by the editor. */
  verdict?: { key: VerdictKey; summary: string; analysis?: string };
  evidence?: EvidencePlan[];
  /** The decision on the proposed verdict; "approved" publishes the claim. */
  review?: { outcome: "approved" | "rejected"; note: string };
  /** First publication (approved claims only): the moment of the approval. */
  publishedAt?: string;
  comments?: { author: DemoRole; body: string }[];
}

const CLAIMS: Record<string, ClaimPlan> = {
  c1: {
    stage: "published",
    createdBy: "editor",
    topics: ["syrien", "terrorismus"],
    verdict: {
      key: "mostly-true",
      summary:
        "Die Zahl entspricht den Angaben der US-geführten Koalition vom November 2017. Es handelt sich aber um eine Schätzung einer Konfliktpartei, bezogen auf die größte Ausdehnung des IS – das sagt die Meldung nicht dazu.",
      analysis: `## Worum es geht

Die Agenturmeldung stellt fest, der IS habe „bereits 95 Prozent seines Herrschaftsgebietes in Syrien und im Irak verloren“. Eine Quelle für die Zahl nennt sie nicht.

## Was die Belege zeigen

Die Zahl entspricht den Angaben der US-geführten Koalition gegen den IS aus dieser Zeit. Der US-Sondergesandte für die Koalition, Brett McGurk, sprach Anfang November 2017 von fast 96 Prozent. Nach einem Treffen von Koalitionsstaaten in Jordanien am 15. November 2017 bezifferte er den Verlust auf 95 Prozent der Gebiete, die der IS seit 2014 im Irak und in Syrien kontrolliert hatte. Die Nachrichtenagentur AP berichtete Anfang November, der IS sei aus mehr als 96 Prozent der Gebiete vertrieben worden, die er einst beherrschte.

## Was fehlt

Die Zahl ist eine Schätzung der Koalition, also einer Konfliktpartei. Sie bezieht sich auf das Gebiet, das der IS auf dem Höhepunkt seiner Ausdehnung beherrschte, nicht auf einen festen Stichtag. Eine unabhängige Flächenberechnung für November 2017 liegt uns nicht vor; je nach Methode (Fläche, Bevölkerung, dauerhafte Kontrolle) können Schätzungen voneinander abweichen.

## Bewertung

Die Größenordnung ist durch offizielle Angaben und Agenturberichte gut belegt. Weil die Meldung nicht sagt, dass es sich um eine Schätzung der Koalition handelt und worauf sie sich bezieht, bewerten wir die Aussage als **überwiegend richtig**.`,
    },
    evidence: [
      {
        source: "coalition-statement-2017-11-15",
        stance: "supports",
        excerpt:
          "der IS habe seit der Gründung der Koalition im Jahr 2014 95 Prozent der Gebiete verloren, die er im Irak und in Syrien kontrolliert hatte",
        note: "Die Zahl der Meldung stammt in dieser Größenordnung von der US-geführten Koalition selbst.",
        addedBy: "editor",
      },
      {
        source: "ap-2017-11-04",
        stance: "supports",
        excerpt:
          "der IS sei nach neuen Niederlagen aus mehr als 96 Prozent der großen Gebiete im Irak und in Syrien vertrieben worden, die er einst beherrschte",
        note: "Eine Woche vor dem Gipfel nannte auch AP eine Zahl über 95 Prozent.",
        addedBy: "contributor",
      },
      {
        source: "article",
        stance: "context",
        excerpt: "Allerdings hat der IS bereits 95 Prozent seines Herrschaftsgebietes in Syrien und im Irak verloren.",
        note: "Die Meldung nennt weder eine Quelle für die Zahl noch die Bezugsgröße (das größte je vom IS beherrschte Gebiet).",
        addedBy: "contributor",
      },
    ],
    review: { outcome: "approved", note: "Belege und Einordnung nachvollzogen. Freigegeben." },
    publishedAt: "2017-11-17T09:00:00Z",
  },

  c2: {
    // Went to review once and came back: the reviewer wants the source for "nur".
    stage: "in_research",
    createdBy: "editor",
    assignee: "editor",
    topics: ["usa-russland"],
    researchNotes: `- Hamburg, 7. Juli 2017: bilaterales Treffen am Rande des G20-Gipfels, laut Berichten über zwei Stunden lang. Beleg (Agenturmeldung oder Protokoll) fehlt noch.
- Später wurde ein zweites, informelles Gespräch beim G20-Abendessen am selben Abend bekannt. Auch das war in Hamburg – stützt die Aussage eher, muss aber eingeordnet werden.
- Die gemeinsame Erklärung vom 11.11. nennt Hamburg am 7. Juli 2017 als letztes Treffen der Präsidenten.`,
    verdict: {
      key: "true",
      summary:
        "Das Gespräch am Rande des G20-Gipfels in Hamburg im Juli 2017 war das einzige längere Treffen der beiden Präsidenten vor dem APEC-Gipfel.",
    },
    evidence: [
      {
        source: "joint-statement-2017-11-11",
        stance: "context",
        excerpt:
          "Sie würdigen die Fortschritte bei der Waffenruhe im Südwesten Syriens, die bei ihrem letzten Treffen in Hamburg am 7. Juli 2017 vereinbart worden war.",
        note: "Die Erklärung selbst nennt Hamburg als letztes Treffen der Präsidenten.",
        addedBy: "editor",
      },
    ],
    review: {
      outcome: "rejected",
      note: "Quelle fehlt für die Dauer des Hamburger Gesprächs und für das „nur“. Bitte Agenturmeldung oder Protokoll ergänzen und das zweite Gespräch beim G20-Abendessen einordnen.",
    },
  },

  c3: {
    stage: "in_research",
    createdBy: "contributor",
    assignee: "contributor",
    topics: ["usa-russland"],
    researchNotes: `Vergleichende Aussage („so gespannt wie seit Jahrzehnten nicht mehr“) – kaum messbar.
- Selbsteinschätzungen beider Regierungen aus 2017 sammeln (Trump und Tillerson sprachen 2017 öffentlich von einem Tiefpunkt der Beziehungen) – Originalzitate und Daten suchen.
- Vergleichspunkte: Ende des Kalten Krieges, Kosovo 1999, Georgien 2008, Krim 2014.
- Wahrscheinlich eher eine Einschätzung als eine Tatsachenbehauptung; Kandidat für „nicht überprüfbar“.`,
  },

  c4: {
    stage: "published",
    createdBy: "editor",
    topics: ["syrien", "vereinte-nationen"],
    verdict: {
      key: "true",
      summary:
        "Resolution 2254 (2015) unterstützt einen Prozess zur Ausarbeitung einer neuen Verfassung sowie freie und faire Wahlen unter Aufsicht der Vereinten Nationen.",
      analysis: `## Worum es geht

Laut Meldung verweist die gemeinsame Erklärung von Trump und Putin auf die Resolution 2254 des UN-Sicherheitsrates, die „eine Verfassungsreform und freie und gerechte Wahlen“ vorsehe.

## Was die Resolution sagt

Der Sicherheitsrat hat die Resolution am 18. Dezember 2015 einstimmig angenommen. Sie unterstützt einen von Syrern geführten, von den Vereinten Nationen moderierten politischen Prozess. Dieser soll einen Zeitplan und ein Verfahren für die Ausarbeitung einer neuen Verfassung festlegen. Außerdem unterstützt die Resolution freie und faire Wahlen auf Grundlage der neuen Verfassung, unter Aufsicht der Vereinten Nationen und mit Beteiligung aller Syrer, auch derer in der Diaspora.

## Einordnung

Die Resolution spricht von einer neuen Verfassung; die Meldung nennt das „Verfassungsreform“ und folgt damit dem Sprachgebrauch der gemeinsamen Erklärung. Am Kern der Aussage ändert das nichts. Dass die in der Resolution genannten Fristen im November 2017 längst verstrichen waren, betrifft die Frage, was die Resolution vorsieht, nicht.

## Bewertung

Die Meldung gibt den Inhalt der Resolution zutreffend wieder: **richtig**.`,
    },
    evidence: [
      {
        source: "un-resolution-2254",
        stance: "supports",
        excerpt:
          "einen Zeitplan und ein Verfahren für die Ausarbeitung einer neuen Verfassung festlegen",
        note: "Die Resolution sieht die Ausarbeitung einer neuen Verfassung vor.",
        addedBy: "editor",
      },
      {
        source: "un-resolution-2254",
        stance: "supports",
        excerpt:
          "Der Rat unterstützt zudem freie und faire Wahlen auf der Grundlage der neuen Verfassung, die innerhalb von 18 Monaten unter Aufsicht der Vereinten Nationen abgehalten werden sollen",
        note: "Die Resolution unterstützt freie und faire Wahlen unter UN-Aufsicht.",
        addedBy: "editor",
      },
      {
        source: "joint-statement-2017-11-11",
        stance: "context",
        excerpt:
          "Zur vollständigen Umsetzung der Resolution gehörten eine Verfassungsreform und freie und faire Wahlen unter Aufsicht der Vereinten Nationen",
        note: "Das Wort „Verfassungsreform“ stammt aus der gemeinsamen Erklärung.",
        addedBy: "editor",
      },
    ],
    review: { outcome: "approved", note: "Mit dem Resolutionstext abgeglichen. Freigegeben." },
    publishedAt: "2017-11-14T09:00:00Z",
  },

  c5: {
    stage: "in_review",
    createdBy: "editor",
    assignee: "editor",
    topics: ["syrien", "vereinte-nationen"],
    verdict: {
      key: "true",
      summary:
        "Die gemeinsame Erklärung nimmt ausdrücklich die jüngste Zusage Assads zum Genfer Prozess, zu einer Verfassungsreform und zu Wahlen nach Resolution 2254 zur Kenntnis.",
      analysis: `## Worum es geht

Laut Meldung erwähnt die gemeinsame Erklärung ausdrücklich, dass sich Syriens Präsident Baschar al-Assad zu Resolution 2254 bekannt habe.

## Was die Erklärung sagt

Die Präsidenten nehmen darin die „jüngste Zusage“ Assads zum Genfer Prozess, zu einer Verfassungsreform und zu Wahlen nach Resolution 2254 zur Kenntnis. Die Wiedergabe in der Meldung trifft das.

## Was die Aussage nicht sagt

Geprüft wird, was das Papier enthält – nicht, ob Assad die Resolution tatsächlich umsetzen wollte. Das wäre eine eigene Prüfung.`,
    },
    evidence: [
      {
        source: "joint-statement-2017-11-11",
        stance: "supports",
        excerpt:
          "Sie nehmen die jüngste Zusage von Präsident Assad zum Genfer Prozess sowie zu einer Verfassungsreform und zu Wahlen, wie sie Resolution 2254 vorsieht, zur Kenntnis.",
        note: "Die Erklärung erwähnt Assads Zusage ausdrücklich.",
        addedBy: "editor",
      },
    ],
    comments: [
      {
        author: "reviewer",
        body: "Die Belegstelle ist bisher nur unsere Zusammenfassung der Erklärung. Bitte vor der Freigabe den Originalwortlaut (Weißes Haus oder Kreml) mit Link ergänzen.",
      },
    ],
  },

  c6: {
    // Putin's denial, with his own words: what he tells Trump (q3, as Trump reports it) and, right
    // after the denial in the report, his words on the "Russland-Dossier" (q7).
    stage: "published",
    createdBy: "editor",
    topics: ["us-wahl-2016", "usa-russland"],
    relatedQuotes: ["q3", "q7"],
    verdict: {
      key: "mostly-false",
      summary:
        "Die US-Geheimdienste CIA, FBI und NSA kamen im Januar 2017 zu dem Schluss, dass Moskau sich auf Anordnung Putins in die Präsidentschaftswahl 2016 eingemischt hat. Ob das Trump zum Sieg verholfen hat, lässt sich nicht belegen: Die Wirkung auf den Wahlausgang haben die Dienste ausdrücklich nicht bewertet.",
      analysis: `## Worum es geht

Laut Meldung wies Putin beim Apec-Gipfel zurück, dass Moskau sich 2016 in die US-Wahl eingemischt und Trump zum Sieg verholfen habe. Trump gibt ihn in derselben Meldung mit den Worten „Ich habe das nicht gemacht“ wieder; alles, was mit dem „sogenannten Russland-Dossier“ in den USA verbunden sei, nennt Putin „Ausdruck eines andauernden innenpolitischen Kampfes“. Die Zurückweisung hat zwei Teile: Es habe keine Einmischung gegeben, und Moskau habe Trump nicht zum Sieg verholfen.

## Was die Belege zeigen

Die US-Geheimdienste CIA, FBI und NSA kamen in ihrer gemeinsamen Einschätzung vom 6. Januar 2017 mit hohem Vertrauen zu dem Schluss, dass Putin 2016 eine Einflusskampagne angeordnet hat, die auf die Präsidentschaftswahl zielte: mit Cyberangriffen und der Veröffentlichung gehackter Daten, mit staatlichen Medien wie RT und Sputnik und mit bezahlten „Trollen“ in sozialen Medien. Unabhängig davon teilte Facebook im September 2017 mit, es habe rund 3.000 Anzeigen von etwa 470 unechten Konten und Seiten gefunden, die wahrscheinlich von Russland aus betrieben wurden. Einen Auftraggeber nennt das Unternehmen nicht.

## Was offen bleibt

Die veröffentlichte Fassung der Geheimdienst-Einschätzung legt ihre Erkenntnisse nicht vollständig offen, und sie stammt von Behörden eines der beiden betroffenen Staaten; Moskau bestreitet sie. Ob die Einmischung den Ausgang der Wahl verändert hat, haben die Dienste ausdrücklich nicht bewertet. Der zweite Teil der Zurückweisung lässt sich deshalb weder belegen noch widerlegen.

## Bewertung

Die Kernaussage, es habe keine Einmischung gegeben, widerspricht der übereinstimmenden Einschätzung der drei großen US-Geheimdienste, und sie passt nicht zu dem, was Facebook gefunden hat. Weil sich der Teil über den Wahlausgang nicht prüfen lässt, bewerten wir die Zurückweisung als **überwiegend falsch**.`,
    },
    evidence: [
      {
        source: "odni-ica-2017-01-06",
        stance: "refutes",
        excerpt:
          "dass Russlands Präsident Wladimir Putin 2016 eine Einflusskampagne angeordnet hat, die auf die US-Präsidentschaftswahl zielte",
        note: "CIA, FBI und NSA kommen mit hohem Vertrauen zum gegenteiligen Schluss.",
        addedBy: "editor",
      },
      {
        source: "facebook-2017-09-06",
        stance: "context",
        excerpt:
          "Sie gingen auf etwa 470 unechte Konten und Seiten zurück, die miteinander verbunden gewesen und wahrscheinlich von Russland aus betrieben worden seien.",
        note: "Eine Einflussnahme aus Russland, unabhängig von den Geheimdiensten festgestellt; einen staatlichen Auftraggeber nennt Facebook nicht.",
        addedBy: "contributor",
      },
      {
        source: "odni-ica-2017-01-06",
        stance: "context",
        excerpt:
          "Welche Wirkung die russischen Aktivitäten auf den Ausgang der Wahl hatten, haben die Dienste nach eigenen Angaben nicht bewertet.",
        note: "Ob die Einmischung Trump zum Sieg verholfen hat, beantworten die Belege nicht.",
        addedBy: "editor",
      },
    ],
    review: {
      outcome: "approved",
      note: "Einschätzung der Geheimdienste und Facebook-Mitteilung nachgelesen; die Grenze der Belege (Wahlausgang) ist benannt. Freigegeben.",
    },
    publishedAt: "2017-11-16T09:00:00Z",
  },

  c7: {
    stage: "published",
    createdBy: "editor",
    topics: ["medien", "usa-russland"],
    verdict: {
      key: "true",
      summary:
        "Das US-Justizministerium verlangte die Registrierung nach dem Foreign Agents Registration Act; die Produktionsfirma von RT America registrierte sich im November 2017.",
      analysis: `## Worum es geht

Die Meldung stellt fest, der US-Ableger des russischen Staatssenders RT müsse sich als „ausländischer Agent“ registrieren lassen. Gemeint ist das US-Gesetz Foreign Agents Registration Act (FARA) von 1938.

## Was die Belege zeigen

Das US-Justizministerium hatte von T&R Productions LLC, der Firma, die das Programm von RT America in den USA produziert, eine Registrierung nach FARA verlangt; nach Angaben von RT ging die Aufforderung im September 2017 ein. Am 13. November 2017, zwei Tage nach der Meldung, gab das Ministerium bekannt, dass sich T&R Productions als Agent der ANO TV-Nowosti registriert hat, der staatlichen russischen Organisation hinter RT. RT erklärte, man habe sich für die Registrierung entschieden, um ein Strafverfahren zu vermeiden.

## Einordnung

Registriert hat sich die Produktionsfirma, nicht eine Gesellschaft namens „RT America“; für die Aussage ist das unerheblich. Das Gesetz verbietet keine Inhalte, verlangt aber Offenlegung und Kennzeichnung. Putins Kritik an dem Vorgehen ist eine Meinung und nicht Teil dieser Prüfung.

## Bewertung

Die Pflicht zur Registrierung bestand, und sie wurde erfüllt: **richtig**.`,
    },
    evidence: [
      {
        source: "doj-fara-rt-2017-11-13",
        stance: "supports",
        excerpt:
          "dass sich die in Washington ansässige T&R Productions LLC nach dem Foreign Agents Registration Act (FARA) als Agent der ANO TV-Nowosti registriert hat",
        note: "Das Justizministerium bestätigt die Registrierung der Produktionsfirma von RT America.",
        addedBy: "editor",
      },
      {
        source: "doj-fara-rt-2017-11-13",
        stance: "context",
        excerpt:
          "T&R Productions betreibe Studios für RT, beschäftige und bezahle Mitarbeiter in den USA und produziere englischsprachige Sendungen.",
        note: "Registriert ist die Firma, die RT America in den USA betreibt.",
        addedBy: "contributor",
      },
    ],
    review: { outcome: "approved", note: "Registrierung durch die Mitteilung des Ministeriums belegt. Freigegeben." },
    publishedAt: "2017-11-15T09:00:00Z",
  },

  c8: {
    stage: "draft",
    createdBy: "contributor",
    assignee: "contributor",
    topics: ["usa-russland", "syrien"],
  },
};

// ════════════════════════════════════════════════════════════════════════════════════════════
// DATA: claims the desk made from a direct quote (keyed by the gold annotation's quote ids)
// ════════════════════════════════════════════════════════════════════════════════════════════
// The annotation's claims are sentences of the article; none of them is a president's own
// words. These claims come from a quote the way the desk makes one ("Behauptung aus Zitat
// anlegen"): the claimant is the quote's speaker, the passage is where the quote appears, the
// quote is attached, and the text is the checkable statement in neutral words.

interface QuoteClaimPlan extends ClaimPlan {
  /** The checkable statement in neutral words (the quote itself is attached). */
  text: string;
}

const CLAIMS_FROM_QUOTES: Record<string, QuoteClaimPlan> = {
  q2: {
    // "Jedes Mal, wenn er mich sieht, sagt er «Ich habe das nicht gemacht» ...": checked is
    // whether Putin says so, not whether it is true (that is c6).
    text: "Putin bestreitet bei jeder Begegnung mit Trump, dass Moskau sich in die US-Wahl 2016 eingemischt hat.",
    stage: "published",
    createdBy: "editor",
    topics: ["us-wahl-2016", "usa-russland"],
    verdict: {
      key: "mostly-true",
      summary:
        "Für das Treffen der Präsidenten in Hamburg im Juli 2017 bestätigen Vertreter beider Regierungen, dass Putin eine Einmischung bestritt, und in Da Nang wies er sie auch öffentlich zurück. Ob er das bei jeder kurzen Begegnung sagte, lässt sich nicht prüfen.",
      analysis: `## Worum es geht

Laut Meldung sagte Trump über Putin: „Jedes Mal, wenn er mich sieht, sagt er «Ich habe das nicht gemacht»“. Gemeint ist, wie der Satz davor in der Meldung zeigt, die russische Beeinflussung der Präsidentenwahl 2016. Geprüft wird hier, ob Putin das Trump gegenüber tatsächlich sagt – nicht, ob es stimmt. Putins Zurückweisung selbst haben wir gesondert geprüft und als überwiegend falsch bewertet.

## Was die Belege zeigen

Am 7. Juli 2017 trafen sich Trump und Putin am Rande des G20-Gipfels in Hamburg. Danach berichteten die Außenminister beider Länder über das Gespräch: Rex Tillerson sagte, Trump habe Putin mehr als einmal auf eine russische Beteiligung an der Wahl angesprochen, und Putin habe sie bestritten. Sergej Lawrow sagte, Trump habe Putins klare Aussage gehört, die russische Führung habe sich nicht in die Wahl eingemischt. In Da Nang wies Putin eine Einmischung laut der Meldung auch öffentlich zurück.

## Was offen bleibt

Was bei kurzen Begegnungen wie in Da Nang gesprochen wurde, ist nicht dokumentiert; dafür gibt es nur Trumps eigene Darstellung. Ob Putin eine Einmischung wirklich „jedes Mal“ bestritt, lässt sich deshalb nicht prüfen. Ob Trump Putins Aussage akzeptierte, wie Lawrow sagte, ist nicht Gegenstand dieser Prüfung.

## Bewertung

Für das Hamburger Gespräch bestätigen es beide Seiten, und öffentlich bestreitet Putin die Einmischung ohnehin. Das „jedes Mal“ ist nicht überprüfbar. Wir bewerten die Aussage als **überwiegend richtig**.`,
    },
    evidence: [
      {
        source: "tillerson-hamburg-2017-07-07",
        stance: "supports",
        excerpt: "Präsident Putin habe eine solche Beteiligung bestritten, wie er es auch früher getan habe.",
        note: "Die US-Seite bestätigt, dass Putin in Hamburg eine Einmischung bestritt, als Trump ihn darauf ansprach.",
        addedBy: "editor",
      },
      {
        source: "lawrow-hamburg-2017-07-07",
        stance: "supports",
        excerpt: "Trump habe erklärt, er habe Putins klare Aussage gehört, dass dies nicht wahr sei und die russische Führung sich nicht in die Wahl eingemischt habe",
        note: "Auch die russische Seite gibt an, Putin habe Trump in Hamburg versichert, Moskau habe sich nicht eingemischt.",
        addedBy: "contributor",
      },
      {
        source: "article",
        stance: "context",
        excerpt: "Der Kremlchef wies zurück, dass Moskau sich 2016 in die US-Wahl eingemischt und Trump zum Sieg verholfen habe.",
        note: "In Da Nang bestritt Putin die Einmischung auch öffentlich.",
        addedBy: "contributor",
      },
    ],
    review: { outcome: "approved", note: "Beide Darstellungen des Hamburger Gesprächs nachgelesen; das nicht prüfbare „jedes Mal“ ist benannt. Freigegeben." },
    publishedAt: "2017-11-16T10:00:00Z",
  },
};

// ════════════════════════════════════════════════════════════════════════════════════════════
// LOADING
// ════════════════════════════════════════════════════════════════════════════════════════════

const span = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);

const goldSchema = z.object({
  speakers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      aliases: z.array(z.string()),
      role: z.string(),
      wikidata: z.string().nullable(),
    }),
  ),
  quotes: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["direct", "indirect"]),
      text: z.string(),
      span,
      speaker: z.string(),
      reportedBy: z.string().nullable(),
    }),
  ),
  claims: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      span,
      claimant: z.string(),
      quantity: z
        .object({
          value: z.number(),
          unit: z.string(),
          subject: z.string(),
          measure: z.string().optional(),
          asOf: z.string().optional(),
        })
        .nullable(),
    }),
  ),
});

type Gold = z.infer<typeof goldSchema>;

/** A claim to load: one of the annotation's, or one made from a quote. */
interface ClaimSpec {
  key: string;
  text: string;
  span: [number, number];
  /** Gold speaker id. */
  claimant: string;
  quantity: Gold["claims"][number]["quantity"];
  plan: ClaimPlan;
  /** Gold quote ids it comes from (besides plan.relatedQuotes). */
  quotes: string[];
}

function readSeedFiles(): { text: string; gold: Gold } {
  // The text exactly as read: the gold offsets count JS string units of this string.
  const text = fs.readFileSync(path.resolve(ARTICLE_FILE), "utf8");
  const parsed = goldSchema.safeParse(JSON.parse(fs.readFileSync(path.resolve(GOLD_FILE), "utf8")));
  if (!parsed.success) throw new Error(`${GOLD_FILE} is not a valid annotation: ${parsed.error.message}`);
  const gold = parsed.data;
  for (const item of [...gold.quotes, ...gold.claims]) {
    const [start, end] = item.span;
    const found = text.slice(start, end);
    if (found !== item.text) {
      throw new Error(
        `${GOLD_FILE}: ${item.id} spans [${start}, ${end}) of ${ARTICLE_FILE}, which reads ${JSON.stringify(found)}, not ${JSON.stringify(item.text)}. The article or the annotation has changed.`,
      );
    }
  }
  return { text, gold };
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const day = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Demo data: ${what} is missing`);
  return value;
}

/** [start, end) of `excerpt` in `text`; throws when it is not there word for word. */
function locate(text: string, excerpt: string, where: string): { start: number; end: number } {
  const start = text.indexOf(excerpt);
  if (start < 0) throw new Error(`Demo data: the excerpt ${JSON.stringify(excerpt)} is not in ${where}`);
  return { start, end: start + excerpt.length };
}

/** For each direct quote, the id of the smallest other direct quote whose span contains it. */
function nestedParents(quotes: Gold["quotes"]): Map<string, string> {
  const direct = quotes.filter((q) => q.kind === "direct");
  const parents = new Map<string, string>();
  for (const inner of direct) {
    const containing = direct
      .filter((outer) => outer !== inner && outer.span[0] <= inner.span[0] && inner.span[1] <= outer.span[1])
      .sort((a, b) => a.span[1] - a.span[0] - (b.span[1] - b.span[0]));
    if (containing[0]) parents.set(inner.id, containing[0].id);
  }
  return parents;
}

/** A demo account as created; `password` is set when it was generated now (print it once). */
export interface DemoAccount {
  email: string;
  role: DemoRole;
  password: string | null;
}

/**
 * Loads the demo newsroom. The accounts get `options.password` when given, else each its own
 * generated password, returned here and stored nowhere but as its hash.
 */
export async function loadDemoData(db: Db, options: { password?: string } = {}): Promise<DemoAccount[]> {
  const { text, gold } = readSeedFiles();
  const labels = new Map((await db.verdictLabel.findMany()).map((l) => [l.key, l.id]));
  const labelId = (key: VerdictKey) => need(labels.get(key), `verdict label "${key}" (the scale must exist first)`);
  const accounts: DemoAccount[] = DEMO_USERS.map((u) => ({
    email: u.email.toLowerCase(),
    role: u.role,
    password: options.password ? null : generatePassword(),
  }));
  // Argon2 is slow on purpose: hash outside the transaction.
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password ?? options.password!)));
  const passwordHash = Object.fromEntries(accounts.map((a, i) => [a.role, hashes[i]!])) as Record<DemoRole, string>;
  const now = new Date();

  await db.$transaction(
    async (tx) => {
      // ── Accounts ───────────────────────────────────────────────────────────────────────────
      const users = {} as Record<DemoRole, string>;
      for (const u of DEMO_USERS) {
        const row = await tx.user.create({ data: { email: u.email.toLowerCase(), name: u.name, role: u.role, passwordHash: passwordHash[u.role] } });
        users[u.role] = row.id;
      }
      const editor = users.editor;

      // ── Sources ────────────────────────────────────────────────────────────────────────────
      const articleSource = await tx.source.create({
        data: {
          kind: "news_article",
          url: null, // the agency report reached us as text, without a URL
          title: ARTICLE.title,
          publisher: ARTICLE.publisher,
          publishedAt: new Date(ARTICLE.publishedAt),
          accessedAt: now,
          language: "de",
          snapshotText: text,
          contentHash: sha256(text),
          snapshotAt: now,
        },
      });
      await created(tx, "Source", articleSource, editor);

      const sources = new Map<EvidenceSourceKey, { id: string; snapshotText: string }>([
        ["article", { id: articleSource.id, snapshotText: text }],
      ]);
      for (const [key, plan] of Object.entries(EVIDENCE_SOURCES) as [keyof typeof EVIDENCE_SOURCES, EvidenceSourcePlan][]) {
        const row = await tx.source.create({
          data: {
            kind: plan.kind,
            url: plan.url,
            title: plan.title,
            publisher: plan.publisher,
            publishedAt: new Date(plan.publishedAt),
            accessedAt: now,
            language: "de",
            snapshotText: plan.snapshotText,
            contentHash: sha256(plan.snapshotText),
            snapshotAt: now,
          },
        });
        await created(tx, "Source", row, editor);
        sources.set(key, { id: row.id, snapshotText: plan.snapshotText });
      }

      const article = await tx.article.create({
        data: {
          title: ARTICLE.title,
          format: "text",
          originalFilename: path.basename(ARTICLE_FILE),
          rawContent: text,
          text,
          language: "de",
          contentHash: sha256(text),
          status: "reviewed",
          sourceId: articleSource.id,
          createdById: editor,
        },
      });
      await created(tx, "Article", article, editor);

      // ── Speakers ───────────────────────────────────────────────────────────────────────────
      const speakers = new Map<string, string>();
      for (const s of gold.speakers) {
        const plan = need(SPEAKERS[s.id], `the speaker plan for gold speaker "${s.id}"`);
        const name = plan.name ?? s.name;
        const row = await tx.speaker.create({
          data: {
            slug: slugify(name),
            name,
            kind: plan.kind,
            wikidataId: s.wikidata,
            bio: plan.bio,
            aliases: { create: s.aliases.map((alias) => ({ alias })) },
            roles: {
              create: plan.roles.map((r) => ({
                title: r.title,
                organization: r.organization ?? null,
                startDate: r.start ? day(r.start) : null,
                endDate: r.end ? day(r.end) : null,
              })),
            },
          },
        });
        await created(tx, "Speaker", row, editor);
        speakers.set(s.id, row.id);
      }
      const speakerId = (goldId: string) => need(speakers.get(goldId), `gold speaker "${goldId}"`);

      // ── Quotes ─────────────────────────────────────────────────────────────────────────────
      // Outer quotes first (start ascending, longer first), so that a nested quote can name
      // its parent when it is created.
      const parents = nestedParents(gold.quotes);
      const quotes = new Map<string, string>();
      const quoteOrder = [...gold.quotes].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
      for (const q of quoteOrder) {
        const parentGoldId = parents.get(q.id);
        const translation = q.kind === "direct" ? QUOTE_TRANSLATIONS_EN[q.id] : undefined;
        if (q.kind === "direct" && !translation) throw new Error(`Demo data: no English translation for ${q.id}`);
        const row = await tx.quote.create({
          data: {
            speakerId: speakerId(q.speaker),
            text: q.text,
            language: "de",
            kind: q.kind,
            saidOn: day(QUOTE_CONTEXT.saidOn),
            occasion: QUOTE_CONTEXT.occasion,
            place: QUOTE_CONTEXT.placeOverride[q.id] ?? QUOTE_CONTEXT.place,
            reportedById: q.reportedBy ? speakerId(q.reportedBy) : null,
            parentId: parentGoldId ? need(quotes.get(parentGoldId), `parent quote ${parentGoldId}`) : null,
            appearances: { create: { sourceId: articleSource.id, start: q.span[0], end: q.span[1] } },
            translations: translation ? { create: { language: "en", text: translation } } : undefined,
          },
        });
        await created(tx, "Quote", row, editor);
        quotes.set(q.id, row.id);
      }

      // ── Topics ─────────────────────────────────────────────────────────────────────────────
      const topics = new Map<TopicSlug, string>();
      for (const t of TOPICS) {
        const row = await tx.topic.create({ data: { ...t } });
        await created(tx, "Topic", row, editor);
        topics.set(t.slug, row.id);
      }

      // ── Claims ─────────────────────────────────────────────────────────────────────────────
      // The annotation's claims (sentences of the article), then the claims made from a quote.
      const specs: ClaimSpec[] = [
        ...gold.claims.map((c) => ({
          key: c.id,
          text: c.text,
          span: c.span,
          claimant: c.claimant,
          quantity: c.quantity,
          plan: need(CLAIMS[c.id], `the editorial plan for gold claim "${c.id}"`),
          // The quotes it comes from: the same words in the same place, plus those named.
          quotes: gold.quotes.filter((q) => q.span[0] === c.span[0] && q.span[1] === c.span[1]).map((q) => q.id),
        })),
        ...Object.entries(CLAIMS_FROM_QUOTES).map(([quoteId, plan]) => {
          const q = need(gold.quotes.find((x) => x.id === quoteId), `gold quote "${quoteId}" (a claim is made from it)`);
          return { key: quoteId, text: plan.text, span: q.span, claimant: q.speaker, quantity: null, plan, quotes: [q.id] };
        }),
      ];
      const actors = Object.fromEntries(
        DEMO_USERS.map((u) => [u.role, { id: users[u.role], name: u.name, email: u.email.toLowerCase(), role: u.role }]),
      ) as Record<DemoRole, SessionUser>;
      const slugs = new Set<string>();
      for (const { key, text: claimText, span: [start, end], claimant, quantity, plan, quotes: ownQuotes } of specs) {
        const author = users[plan.createdBy];
        const slug = uniqueSlug(slugify(claimText), (s) => slugs.has(s));
        slugs.add(slug);

        // Every claim starts as a draft, with the working verdict the editor proposes; the
        // workflow moves it on below.
        const claim = await tx.claim.create({
          data: {
            slug,
            text: claimText,
            language: "de",
            status: "draft",
            claimantId: speakerId(claimant),
            claimDate: day(QUOTE_CONTEXT.saidOn),
            quantityValue: quantity?.value ?? null,
            quantityUnit: quantity?.unit ?? null,
            quantitySubject: quantity?.subject ?? null,
            quantityMeasure: quantity?.measure ?? null,
            quantityAsOf: quantity?.asOf ?? null,
            verdictId: plan.verdict ? labelId(plan.verdict.key) : null,
            summary: plan.verdict?.summary ?? null,
            analysis: plan.verdict?.analysis ?? null,
            verdictAuthorId: plan.verdict ? editor : null,
            researchNotes: plan.researchNotes ?? null,
            assigneeId: plan.assignee ? users[plan.assignee] : null,
            createdById: author,
            passages: { create: { sourceId: articleSource.id, start, end } },
            topics: { create: plan.topics.map((slug) => ({ topicId: need(topics.get(slug), `topic "${slug}"`) })) },
          },
        });
        await created(tx, "Claim", claim, author);

        for (const quoteGoldId of new Set([...ownQuotes, ...(plan.relatedQuotes ?? [])])) {
          await tx.claimQuote.create({ data: { claimId: claim.id, quoteId: need(quotes.get(quoteGoldId), `quote ${quoteGoldId}`) } });
        }

        for (const [position, e] of (plan.evidence ?? []).entries()) {
          const source = need(sources.get(e.source), `evidence source "${e.source}"`);
          const { start, end } = locate(source.snapshotText, e.excerpt, `the snapshot of "${e.source}"`);
          const row = await tx.evidence.create({
            data: {
              claimId: claim.id,
              sourceId: source.id,
              stance: e.stance,
              excerpt: e.excerpt,
              start,
              end,
              note: e.note,
              position,
              createdById: users[e.addedBy],
            },
          });
          await created(tx, "Evidence", row, users[e.addedBy]);
        }

        for (const comment of plan.comments ?? []) {
          await tx.claimComment.create({ data: { claimId: claim.id, authorId: users[comment.author], body: comment.body } });
        }

        // The claim's life, step by step through the workflow, with its rules: a submission needs
        // a verdict, a summary and evidence; four eyes: the reviewer approves or rejects what the
        // editor proposed. Only the approval makes the claim public.
        const step = async (who: DemoRole, transition: Transition, options: { note?: string; now?: Date } = {}) => {
          const { version } = await tx.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } });
          await transitionClaim(actors[who], { claimId: claim.id, version, transition, note: options.note }, tx, { now: options.now });
        };
        if (plan.review) {
          if (!plan.verdict) throw new Error(`Demo data: ${key} is reviewed but has no proposed verdict`);
          await step("editor", "submit");
          if (plan.review.outcome === "approved") {
            const publishedAt = new Date(need(plan.publishedAt, `publishedAt of approved claim ${key}`));
            await step("reviewer", "approve", { note: plan.review.note, now: publishedAt });
          } else {
            await step("reviewer", "reject", { note: plan.review.note });
          }
        } else if (plan.stage === "in_review") {
          await step("editor", "submit");
        } else if (plan.stage === "in_research") {
          await step(plan.createdBy, "start_research");
        }
        const { status } = await tx.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true } });
        if (status !== plan.stage) throw new Error(`Demo data: ${key} ended up ${status}, not ${plan.stage}`);
      }
    },
    { timeout: 60_000 },
  );
  return accounts;
}

type Row = Record<string, unknown> & { id: string };

/** The "create" revision of a new record. */
async function created(tx: Tx, entityType: "Speaker" | "Source" | "Quote" | "Claim" | "Evidence" | "Topic" | "Article", row: Row, userId: string) {
  await recordRevision(tx, { entityType, entityId: row.id, action: "create", userId, before: null, after: row });
}
