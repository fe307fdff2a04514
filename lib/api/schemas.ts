// The public API's schemas (zod): the query parameters each route validates, and the JSON it
// answers. They are the one description of the API: the route handlers parse their parameters
// with them (lib/api/http.ts: 400 invalid_parameter with the reason), the OpenAPI document is
// generated from them (lib/api/openapi.ts, zod-openapi), and the contract test parses every
// answer with them (tests/integration/api-contract.test.ts). Response objects are strict: a
// field that is not described here fails the contract test, so nothing gets into an answer
// without being documented (and reviewed as public: lib/api/present.ts builds every answer
// from lib/public's types, field by field).
//
// Unknown query parameters are ignored (clients of the Fact Check Tools API send `key`, caches
// add their own); a known one given twice is refused.
import { z } from "zod";
import "zod-openapi";
import { hasControlCharacter } from "../input-text";
import { SEARCH_MAX_QUERY_LENGTH, SEARCH_TYPES } from "../public/search";

// ---------------------------------------------------------------------------------------
// Parameters.

/** The number of items a list page has when `limit` is not given, and the most it may have. */
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** The Fact Check Tools endpoint: its default page size (as Google's), the largest, the
 * largest offset. */
export const FACTCHECK_DEFAULT_PAGE_SIZE = 10;
export const FACTCHECK_MAX_PAGE_SIZE = 100;
export const FACTCHECK_MAX_OFFSET = 10_000;

const slugParam = (what: string, example?: string) =>
  z
    .string()
    .min(1)
    .max(200)
    .refine((s) => !hasControlCharacter(s), "must not contain control characters")
    .meta({ description: what, ...(example ? { example } : {}) });

const dayParam = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, "is not a calendar date")
    .meta({ description: what, example: "2017-11-11" });

const languageParam = z
  .string()
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, "must be a BCP 47 language tag such as de or en-US")
  .max(35)
  .meta({ description: "Language of the claim text (BCP 47; compared without region).", example: "de" });

const intParam = (what: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .optional()
    .transform((n) => n ?? fallback)
    .meta({ description: `${what} (${min} to ${max}; default ${fallback}).`, example: String(fallback) });

const cursorParam = z
  .string()
  .min(1)
  .max(2000)
  .meta({ description: "The `nextCursor` of the previous page. Opaque; valid only with the same other parameters." });

export const limitParam = intParam("Items per page", 1, MAX_LIMIT, DEFAULT_LIMIT);

const languageOfSite = z.enum(["de", "en"]).meta({ description: "Language of labels and page URLs: de (default) or en." });

export const claimListQuery = z
  .object({
    verdict: slugParam("Key of the published verdict (the methodology page lists them).", "false").optional(),
    speaker: slugParam("Slug of the claimant.", "wladimir-putin").optional(),
    topic: slugParam("Slug of a topic.").optional(),
    language: languageParam.optional(),
    from: dayParam("Published on or after this day (newsroom time zone, Europe/Berlin).").optional(),
    to: dayParam("Published on or before this day (newsroom time zone).").optional(),
    limit: limitParam,
    cursor: cursorParam.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] });

export const pageQuery = z.object({ limit: limitParam, cursor: cursorParam.optional() });

export const quoteListQuery = z.object({
  speaker: slugParam("Slug of the speaker who said it.").optional(),
  language: languageParam.meta({ description: "Language of the quote (BCP 47)." }).optional(),
  limit: limitParam,
  cursor: cursorParam.optional(),
});

export const slugPath = z.object({ slug: slugParam("The slug, as in the public page's URL.") });

export const searchQuery = z.object({
  q: z
    .string()
    .max(1000)
    .meta({ description: `Words to search for (German and English full text; at most ${SEARCH_MAX_QUERY_LENGTH} characters are used).`, example: "Putin" })
    .optional(),
  type: z.enum(SEARCH_TYPES).meta({ description: "What to list: all (default), claims, quotes or speakers." }).optional(),
  verdict: slugParam("Key of the published verdict of claims.").optional(),
  speaker: slugParam("A speaker by slug, name or alias: the claimant of claims, the speaker of quotes.").optional(),
  topic: slugParam("Slug of a topic.").optional(),
  from: dayParam("On or after this day: publication of claims, date said of quotes.").optional(),
  to: dayParam("On or before this day.").optional(),
  cursor: cursorParam.optional(),
});

export const feedQuery = z.object({ lang: languageOfSite.optional() });

/** Fact Check Tools `claims:search`: the same parameters as Google's (v1alpha1). */
export const factCheckQuery = z
  .object({
    query: z.string().max(1000).meta({ description: "Textual query string. Required unless reviewPublisherSiteFilter is given." }).optional(),
    languageCode: z
      .string()
      .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, "must be a BCP 47 language code such as en-US")
      .max(35)
      .meta({ description: "BCP-47 language code (e.g. en-US); restricts reviews by language, without regard to the region." })
      .optional(),
    reviewPublisherSiteFilter: z
      .string()
      .min(1)
      .max(255)
      .refine((s) => !hasControlCharacter(s), "must not contain control characters")
      .meta({ description: "Only reviews by the publisher at this site, e.g. example.org." })
      .optional(),
    maxAgeDays: intParam("Maximum age of the returned reviews in days (the newer of claim date and review date)", 1, 100_000, 0)
      .transform((n) => (n === 0 ? null : n))
      .meta({ description: "Maximum age of the returned reviews in days: the newer of claim date and review date counts." }),
    pageSize: intParam("Claims per page", 1, FACTCHECK_MAX_PAGE_SIZE, FACTCHECK_DEFAULT_PAGE_SIZE),
    pageToken: cursorParam.meta({ description: "The nextPageToken of the previous answer; every other parameter must be the same." }).optional(),
    offset: intParam("Starting result (0 = the first); only used without pageToken", 0, FACTCHECK_MAX_OFFSET, 0),
  })
  .refine((q) => (q.query ?? "").trim() !== "" || q.reviewPublisherSiteFilter !== undefined, {
    message: "query is required unless reviewPublisherSiteFilter is given",
    path: ["query"],
  });

// ---------------------------------------------------------------------------------------
// Answers.

const isoDateTime = z.iso.datetime().meta({ description: "ISO 8601 timestamp (UTC)." });
const isoDate = z.iso.date().meta({ description: "A calendar date, YYYY-MM-DD." });
const bilingual = (what: string) => z.strictObject({ de: z.string(), en: z.string() }).meta({ description: `${what}, in German and English.` });
const pageUrls = z
  .strictObject({ de: z.url(), en: z.url() })
  .meta({ description: "The public page, in German (the site's root URLs) and in English (/en/…)." });

export const verdictSchema = z
  .strictObject({
    key: z.string(),
    name: bilingual("The label"),
    explanation: bilingual("What the label means"),
    ratingValue: z.number().int().nullable().meta({ description: "ClaimReview ratingValue; null for a label without a number (unverifiable)." }),
  })
  .meta({ id: "Verdict", description: "A label of the newsroom's verdict scale." });

export const speakerRefSchema = z
  .strictObject({
    slug: z.string(),
    name: z.string().meta({ description: "The name as approved for this item." }),
    kind: z.enum(["person", "organization", "publication"]),
    wikidataId: z.string().nullable(),
    url: pageUrls,
  })
  .meta({ id: "SpeakerRef" });

export const topicRefSchema = z.strictObject({ slug: z.string(), name: bilingual("The topic's name") }).meta({ id: "TopicRef" });

export const sourceSchema = z
  .strictObject({
    kind: z.enum(["news_article", "transcript", "official_document", "statistic", "video", "social_media", "other"]),
    url: z.string().nullable(),
    title: z.string(),
    publisher: z.string().nullable(),
    author: z.string().nullable(),
    publishedAt: isoDateTime.nullable(),
    language: z.string(),
  })
  .meta({ id: "Source" });

export const passageSchema = z
  .strictObject({
    source: sourceSchema,
    excerpt: z
      .strictObject({ before: z.string(), passage: z.string(), after: z.string(), truncatedStart: z.boolean(), truncatedEnd: z.boolean() })
      .nullable()
      .meta({ description: "The passage with a window of the source's stored text around it; null without stored text." }),
  })
  .meta({ id: "Passage" });

export const externalCheckSchema = z
  .strictObject({
    publisher: z.strictObject({ name: z.string(), site: z.string().nullable() }),
    url: z.string().nullable(),
    title: z.string().nullable(),
    textualRating: z.string().nullable().meta({ description: "The publisher's own rating, never one of our verdicts." }),
    ratingValue: z.number().nullable(),
    bestRating: z.number().nullable(),
    worstRating: z.number().nullable(),
    reviewDate: isoDateTime.nullable(),
    language: z.string().nullable(),
  })
  .meta({ id: "ExternalFactCheck", description: "Another organisation's fact-check of the claim (\"also checked by\"), as a second person approved its link." });

const claimFields = {
  slug: z.string(),
  url: pageUrls,
  text: z.string().meta({ description: "The claim in neutral words, in its original language." }),
  language: z.string(),
  status: z.enum(["published", "corrected", "retracted"]),
  claimant: speakerRefSchema.nullable(),
  verdict: verdictSchema.nullable(),
  summary: z.string().nullable().meta({ description: "The published summary of the verdict." }),
  claimDate: isoDate.nullable().meta({ description: "When the claim was made." }),
  publishedAt: isoDateTime.nullable(),
  updatedAt: isoDateTime.nullable().meta({ description: "The last public change (correction, retraction)." }),
  topics: z.array(topicRefSchema),
  alsoCheckedBy: z.array(externalCheckSchema),
};

export const claimSummarySchema = z.strictObject(claimFields).meta({ id: "ClaimSummary", description: "A published fact-check." });

export const quoteOnClaimSchema = z
  .strictObject({
    text: z.string(),
    language: z.string(),
    kind: z.enum(["direct", "indirect"]),
    saidOn: isoDate.nullable(),
    occasion: z.string().nullable(),
    place: z.string().nullable(),
    speaker: speakerRefSchema,
    reportedBy: speakerRefSchema.nullable(),
    translations: z.array(z.strictObject({ language: z.string(), text: z.string() })),
    appearances: z.array(passageSchema),
  })
  .meta({ id: "ClaimQuote" });

export const claimSchema = z
  .strictObject({
    ...claimFields,
    analysis: z.string().nullable().meta({ description: "The published analysis (Markdown)." }),
    quotes: z.array(quoteOnClaimSchema),
    passages: z.array(passageSchema),
    evidence: z.array(
      z.strictObject({ stance: z.enum(["supports", "refutes", "context"]), excerpt: z.string(), note: z.string().nullable(), source: sourceSchema }),
    ),
    corrections: z.array(
      z.strictObject({
        kind: z.enum(["correction", "retraction"]),
        note: z.string(),
        publishedAt: isoDateTime,
        previousVerdict: verdictSchema.nullable(),
        previousSummary: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "Claim", description: "A published fact-check with everything its page shows." });

const roleSchema = z.strictObject({ title: z.string(), organization: z.string().nullable(), startDate: isoDate.nullable(), endDate: isoDate.nullable() });

const speakerFields = {
  slug: z.string(),
  url: pageUrls,
  name: z.string(),
  kind: z.enum(["person", "organization", "publication"]),
  bio: z.string().nullable(),
  wikidataId: z.string().nullable(),
  aliases: z.array(z.string()),
  roles: z.array(roleSchema),
  claimCount: z.number().int().meta({ description: "Public claims with this speaker as claimant." }),
};

export const speakerSummarySchema = z.strictObject(speakerFields).meta({ id: "Speaker" });

export const speakerDetailSchema = z
  .strictObject({
    ...speakerFields,
    quoteCount: z.number().int().meta({ description: "Public quotes the speaker said or reported." }),
    verdicts: z
      .strictObject({
        counts: z.array(z.strictObject({ verdict: verdictSchema.nullable(), count: z.number().int() })),
        total: z.number().int(),
        retracted: z.number().int(),
      })
      .meta({ description: "The verdicts of the speaker's public claims (retracted ones not counted)." }),
  })
  .meta({ id: "SpeakerDetail" });

export const quoteSchema = z
  .strictObject({
    text: z.string(),
    language: z.string(),
    kind: z.enum(["direct", "indirect"]),
    saidOn: isoDate.nullable(),
    occasion: z.string().nullable(),
    place: z.string().nullable(),
    speaker: speakerRefSchema,
    reportedBy: speakerRefSchema.nullable(),
    claims: z.array(z.strictObject({ slug: z.string(), text: z.string(), url: pageUrls })).meta({ description: "The public claims the quote belongs to." }),
  })
  .meta({ id: "Quote" });

export const topicSchema = z
  .strictObject({
    slug: z.string(),
    url: pageUrls,
    name: bilingual("The name"),
    description: z.strictObject({ de: z.string().nullable(), en: z.string().nullable() }),
    claimCount: z.number().int(),
  })
  .meta({ id: "Topic" });

const listOf = <T extends z.ZodType>(item: T, id: string) =>
  z
    .strictObject({
      items: z.array(item),
      nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
    })
    .meta({ id });

export const claimListSchema = listOf(claimSummarySchema, "ClaimList");
export const speakerListSchema = listOf(speakerSummarySchema, "SpeakerList");
export const quoteListSchema = listOf(quoteSchema, "QuoteList");
export const topicListSchema = listOf(topicSchema, "TopicList");

const snippet = z
  .array(z.strictObject({ text: z.string(), hit: z.boolean() }))
  .meta({ id: "Snippet", description: "Text in segments; `hit` marks the words that matched. Plain text, never HTML." });

export const searchHitSchema = z
  .discriminatedUnion("type", [
    z.strictObject({
      type: z.literal("claim"),
      slug: z.string(),
      url: pageUrls,
      language: z.string(),
      status: z.enum(["published", "corrected", "retracted"]),
      text: snippet,
      summary: snippet.nullable(),
      verdict: verdictSchema.nullable(),
      claimant: speakerRefSchema.nullable(),
      publishedAt: isoDateTime.nullable(),
    }),
    z.strictObject({
      type: z.literal("quote"),
      text: snippet,
      language: z.string(),
      saidOn: isoDate.nullable(),
      speaker: speakerRefSchema,
      reportedBy: speakerRefSchema.nullable(),
      claim: z.strictObject({ slug: z.string(), text: z.string(), url: pageUrls }),
    }),
    z.strictObject({
      type: z.literal("speaker"),
      slug: z.string(),
      url: pageUrls,
      name: snippet,
      kind: z.enum(["person", "organization", "publication"]),
      alias: snippet.nullable(),
      bio: snippet.nullable(),
    }),
  ])
  .meta({ id: "SearchHit" });

export const searchResultSchema = z
  .strictObject({
    query: z.strictObject({
      q: z.string(),
      type: z.enum(SEARCH_TYPES),
      verdict: z.string().nullable(),
      speaker: z.string().nullable(),
      topic: z.string().nullable(),
      from: z.string().nullable(),
      to: z.string().nullable(),
    }),
    items: z.array(searchHitSchema),
    total: z.number().int().meta({ description: "Hits of the selected type." }),
    counts: z.strictObject({ all: z.number().int(), claims: z.number().int(), quotes: z.number().int(), speakers: z.number().int() }),
    fallback: z.boolean().meta({ description: "Full text found nothing; these are similar spellings." }),
    suggestion: z.string().nullable(),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: "SearchResult" });

/** Fact Check Tools' ClaimReview, with `external` added (clients that do not know it ignore it). */
export const factCheckReviewSchema = z
  .strictObject({
    publisher: z.strictObject({ name: z.string(), site: z.string().optional() }),
    url: z.string().optional(),
    title: z.string().optional(),
    reviewDate: isoDateTime.optional(),
    textualRating: z.string().optional(),
    languageCode: z.string().optional(),
    external: z.boolean().meta({
      description: "true: another organisation's fact-check, linked to our claim by an editor and approved by a second person; false: our own.",
    }),
  })
  .meta({ id: "FactCheckToolsClaimReview" });

export const factCheckClaimSchema = z
  .strictObject({
    text: z.string(),
    claimant: z.string().optional(),
    claimDate: isoDateTime.optional(),
    claimReview: z.array(factCheckReviewSchema),
  })
  .meta({ id: "FactCheckToolsClaim" });

export const factCheckResponseSchema = z
  .strictObject({
    claims: z.array(factCheckClaimSchema).optional(),
    nextPageToken: z.string().optional().meta({ description: "Pass as pageToken for the next page; absent on the last page." }),
  })
  .meta({ id: "FactCheckToolsSearchResponse", description: "The shape of Google's Fact Check Tools claims:search answer (empty fields left out, as there)." });

/** schema.org DataFeed of ClaimReview (the Data Commons feed shape). Items are ClaimReview
 * JSON-LD as on the claim pages (lib/claimreview.ts), described loosely here. */
export const claimReviewFeedSchema = z
  .strictObject({
    "@context": z.literal("https://schema.org"),
    "@type": z.literal("DataFeed"),
    name: z.string(),
    url: z.url(),
    inLanguage: z.enum(["de", "en"]),
    dateModified: isoDateTime,
    publisher: z.strictObject({ "@type": z.literal("Organization"), name: z.string(), url: z.string() }),
    dataFeedElement: z.array(
      z.strictObject({
        "@type": z.literal("DataFeedItem"),
        dateCreated: isoDateTime.optional(),
        dateModified: isoDateTime.optional(),
        item: z.array(
          z.looseObject({
            "@context": z.literal("https://schema.org"),
            "@type": z.literal("ClaimReview"),
            url: z.url(),
            claimReviewed: z.string(),
            reviewRating: z.looseObject({ "@type": z.literal("Rating"), alternateName: z.string() }),
            itemReviewed: z.looseObject({ "@type": z.literal("Claim") }),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "ClaimReviewDataFeed" });

export const errorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(["invalid_parameter", "invalid_cursor", "not_found", "rate_limited", "internal"]),
      message: z.string(),
    }),
  })
  .meta({ id: "Error" });

export type ApiErrorCode = z.infer<typeof errorSchema>["error"]["code"];
