// lib/public's types as the public API's JSON (lib/api/schemas.ts), field by field: nothing
// reaches an answer that is not named here, and everything named here comes from lib/public,
// the rule of what is public. Dates become ISO 8601 strings (calendar dates YYYY-MM-DD), names
// of labels and topics come in both languages, and every item carries the URLs of its public
// page in both languages (German at the root, English under /en), on the site's configured
// origin (lib/site.ts: never a request header).
import type { z } from "zod";
import { localeHref, type Locale } from "../i18n";
import type {
  PublicClaim,
  PublicExternalCheck,
  PublicPassage,
  PublicSource,
  PublicSpeakerPage,
  PublicSpeakerQuote,
  PublicSpeakerRef,
  PublicTopicWithCount,
  PublicVerdict,
} from "../public";
import type { PublicSpeakerProfile } from "../public/keyset";
import type { SearchHit, SearchResult, Snippet } from "../public/search";
import { absoluteUrl, paths } from "../site";
import type {
  claimSchema,
  claimSummarySchema,
  externalCheckSchema,
  passageSchema,
  quoteSchema,
  searchHitSchema,
  searchResultSchema,
  sourceSchema,
  speakerDetailSchema,
  speakerRefSchema,
  speakerSummarySchema,
  topicSchema,
  verdictSchema,
} from "./schemas";

type Out<T extends z.ZodType> = z.output<T>;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
/** A calendar date (stored as midnight UTC) as YYYY-MM-DD. */
const day = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

export function pageUrls(origin: string, path: string): { de: string; en: string } {
  return { de: absoluteUrl(origin, localeHref("de", path)), en: absoluteUrl(origin, localeHref("en", path)) };
}

export function pageUrl(origin: string, path: string, locale: Locale): string {
  return absoluteUrl(origin, localeHref(locale, path));
}

export function presentVerdict(v: PublicVerdict): Out<typeof verdictSchema> {
  return {
    key: v.key,
    name: { de: v.nameDe, en: v.nameEn },
    explanation: { de: v.explanationDe, en: v.explanationEn },
    ratingValue: v.ratingValue,
  };
}

export function presentSpeakerRef(origin: string, s: PublicSpeakerRef): Out<typeof speakerRefSchema> {
  return { slug: s.slug, name: s.name, kind: s.kind, wikidataId: s.wikidataId, url: pageUrls(origin, paths.speaker(s.slug)) };
}

function presentSource(s: PublicSource): Out<typeof sourceSchema> {
  return { kind: s.kind, url: s.url, title: s.title, publisher: s.publisher, author: s.author, publishedAt: iso(s.publishedAt), language: s.language };
}

function presentPassage(p: PublicPassage): Out<typeof passageSchema> {
  return {
    source: presentSource(p.source),
    excerpt: p.context
      ? {
          before: p.context.before,
          passage: p.context.passage,
          after: p.context.after,
          truncatedStart: p.context.truncatedStart,
          truncatedEnd: p.context.truncatedEnd,
        }
      : null,
  };
}

export function presentExternalCheck(e: PublicExternalCheck): Out<typeof externalCheckSchema> {
  return {
    publisher: { name: e.publisherName, site: e.publisherSite },
    url: e.url,
    title: e.title,
    textualRating: e.textualRating,
    ratingValue: e.ratingValue,
    bestRating: e.bestRating,
    worstRating: e.worstRating,
    reviewDate: iso(e.reviewDate),
    language: e.language,
  };
}

export function presentClaimSummary(origin: string, c: PublicClaim): Out<typeof claimSummarySchema> {
  return {
    slug: c.slug,
    url: pageUrls(origin, paths.claim(c.slug)),
    text: c.text,
    language: c.language,
    status: c.status,
    claimant: c.claimant ? presentSpeakerRef(origin, c.claimant) : null,
    verdict: c.verdict ? presentVerdict(c.verdict) : null,
    summary: c.summary,
    claimDate: day(c.claimDate),
    publishedAt: iso(c.publishedAt),
    updatedAt: iso(c.publicUpdatedAt),
    topics: c.topics.map((t) => ({ slug: t.slug, name: { de: t.nameDe, en: t.nameEn } })),
    alsoCheckedBy: c.alsoCheckedBy.map(presentExternalCheck),
  };
}

export function presentClaim(origin: string, c: PublicClaim): Out<typeof claimSchema> {
  return {
    ...presentClaimSummary(origin, c),
    analysis: c.analysis,
    quotes: c.quotes.map((q) => ({
      text: q.text,
      language: q.language,
      kind: q.kind,
      saidOn: day(q.saidOn),
      occasion: q.occasion,
      place: q.place,
      speaker: presentSpeakerRef(origin, q.speaker),
      reportedBy: q.reportedBy ? presentSpeakerRef(origin, q.reportedBy) : null,
      translations: q.translations.map((t) => ({ language: t.language, text: t.text })),
      appearances: q.appearances.map(presentPassage),
    })),
    passages: c.passages.map(presentPassage),
    evidence: c.evidence.map((e) => ({ stance: e.stance, excerpt: e.excerpt, note: e.note, source: presentSource(e.source) })),
    corrections: c.corrections.map((k) => ({
      kind: k.kind,
      note: k.note,
      publishedAt: k.publishedAt.toISOString(),
      previousVerdict: k.previousVerdict ? presentVerdict(k.previousVerdict) : null,
      previousSummary: k.previousSummary,
    })),
  };
}

function presentRoles(roles: PublicSpeakerProfile["roles"]) {
  return roles.map((r) => ({ title: r.title, organization: r.organization, startDate: day(r.startDate), endDate: day(r.endDate) }));
}

export function presentSpeaker(origin: string, s: PublicSpeakerProfile): Out<typeof speakerSummarySchema> {
  return {
    slug: s.slug,
    url: pageUrls(origin, paths.speaker(s.slug)),
    name: s.name,
    kind: s.kind,
    bio: s.bio,
    wikidataId: s.wikidataId,
    aliases: [...s.aliases],
    roles: presentRoles(s.roles),
    claimCount: s.claimCount,
  };
}

export function presentSpeakerDetail(origin: string, page: PublicSpeakerPage): Out<typeof speakerDetailSchema> {
  return {
    ...presentSpeaker(origin, { ...page.speaker, claimCount: page.claims.total }),
    quoteCount: page.quotes.total,
    verdicts: {
      counts: page.verdicts.counts.map((c) => ({ verdict: c.verdict ? presentVerdict(c.verdict) : null, count: c.count })),
      total: page.verdicts.total,
      retracted: page.verdicts.retracted,
    },
  };
}

export function presentQuote(origin: string, q: PublicSpeakerQuote): Out<typeof quoteSchema> {
  return {
    text: q.text,
    language: q.language,
    kind: q.kind,
    saidOn: day(q.saidOn),
    occasion: q.occasion,
    place: q.place,
    speaker: presentSpeakerRef(origin, q.speaker),
    reportedBy: q.reportedBy ? presentSpeakerRef(origin, q.reportedBy) : null,
    claims: q.claims.map((c) => ({ slug: c.slug, text: c.text, url: pageUrls(origin, paths.claim(c.slug)) })),
  };
}

export function presentTopic(origin: string, t: PublicTopicWithCount): Out<typeof topicSchema> {
  return {
    slug: t.slug,
    url: pageUrls(origin, paths.topic(t.slug)),
    name: { de: t.nameDe, en: t.nameEn },
    description: { de: t.descriptionDe, en: t.descriptionEn },
    claimCount: t.claimCount,
  };
}

const snippet = (s: Snippet) => s.map((part) => ({ text: part.text, hit: part.hit }));

function presentHit(origin: string, hit: SearchHit): Out<typeof searchHitSchema> {
  switch (hit.type) {
    case "claim":
      return {
        type: "claim",
        slug: hit.slug,
        url: pageUrls(origin, paths.claim(hit.slug)),
        language: hit.language,
        status: hit.status,
        text: snippet(hit.text),
        summary: hit.summary ? snippet(hit.summary) : null,
        verdict: hit.verdict ? presentVerdict(hit.verdict) : null,
        claimant: hit.claimant ? presentSpeakerRef(origin, hit.claimant) : null,
        publishedAt: iso(hit.publishedAt),
      };
    case "quote":
      return {
        type: "quote",
        text: snippet(hit.text),
        language: hit.language,
        saidOn: day(hit.saidOn),
        speaker: presentSpeakerRef(origin, hit.speaker),
        reportedBy: hit.reportedBy ? presentSpeakerRef(origin, hit.reportedBy) : null,
        claim: { slug: hit.claim.slug, text: hit.claim.text, url: pageUrls(origin, paths.claim(hit.claim.slug)) },
      };
    case "speaker":
      return {
        type: "speaker",
        slug: hit.slug,
        url: pageUrls(origin, paths.speaker(hit.slug)),
        name: snippet(hit.name),
        kind: hit.speakerKind,
        alias: hit.alias ? snippet(hit.alias) : null,
        bio: hit.bio ? snippet(hit.bio) : null,
      };
  }
}

export function presentSearch(origin: string, r: SearchResult, nextCursor: string | null): Out<typeof searchResultSchema> {
  return {
    query: { q: r.query.q, type: r.query.type, verdict: r.query.verdict, speaker: r.query.speaker, topic: r.query.topic, from: r.query.from, to: r.query.to },
    items: r.items.map((hit) => presentHit(origin, hit)),
    total: r.total,
    counts: { all: r.counts.all, claims: r.counts.claims, quotes: r.counts.quotes, speakers: r.counts.speakers },
    fallback: r.fallback,
    suggestion: r.suggestion,
    nextCursor,
  };
}
