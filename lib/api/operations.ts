// The public API's operations: for each, its path, its parameters and answer (lib/api/schemas.ts),
// what the OpenAPI document says of it (lib/api/openapi.ts) and what it does. Route files under
// app/api/v1 are one line each (`export const GET = apiRoute(operations.x)`). Every read goes
// through lib/public (the rule of what is public); nothing here selects from the database.
import { z } from "zod";
import { getPublicClaim, getPublicSpeakerPage } from "../public";
import { getPublicTopicWithCount, pagePublicClaims, pagePublicQuotes, pagePublicSpeakers, pagePublicTopics, type ClaimKey } from "../public/keyset";
import { searchPublic } from "../public/search";
import { siteOrigin } from "../site";
import { decodeCursor, encodeCursor, queryBinding } from "./cursor";
import { searchFactChecks } from "./factcheck";
import { claimReviewFeed } from "./feed";
import { ApiError, badCursor, notFound, type ApiAnswer, type ApiRequest } from "./http";
import { presentClaim, presentClaimSummary, presentQuote, presentSearch, presentSpeaker, presentSpeakerDetail, presentTopic } from "./present";
import {
  claimListQuery,
  claimListSchema,
  claimReviewFeedSchema,
  claimSchema,
  factCheckQuery,
  factCheckResponseSchema,
  feedQuery,
  pageQuery,
  quoteListQuery,
  quoteListSchema,
  searchQuery,
  searchResultSchema,
  slugPath,
  speakerDetailSchema,
  speakerListSchema,
  topicListSchema,
  topicSchema,
} from "./schemas";

export interface ApiOperation<QS extends z.ZodType = z.ZodType, PS extends z.ZodType = z.ZodType> {
  /** The path under /api/v1, with {parameters} as in OpenAPI. */
  path: string;
  operationId: string;
  tag: "Claims" | "Speakers" | "Quotes" | "Topics" | "Search" | "Feeds";
  summary: string;
  description: string;
  query?: QS;
  pathParams?: PS;
  response: z.ZodType;
  /** The answer's media type (default application/json). */
  contentType?: string;
  /** Whether the answer can be 404. */
  notFound?: boolean;
  handle: (input: ApiRequest<z.output<QS>, z.output<PS>>) => Promise<ApiAnswer>;
}

function op<QS extends z.ZodType, PS extends z.ZodType>(o: ApiOperation<QS, PS>): ApiOperation<QS, PS> {
  return o;
}

const claimKey = z.strictObject({ publishedAt: z.iso.datetime().nullable(), slug: z.string() });
const slugKey = z.string().min(1);
const pageNumber = z.number().int().min(2).max(10_000);

/** The position a cursor holds, checked against what this endpoint puts in its cursors. */
function readCursor<T extends z.ZodType>(binding: string, cursor: string | undefined, schema: T): z.output<T> | null {
  if (cursor === undefined) return null;
  const parsed = schema.safeParse(decodeCursor(binding, cursor));
  if (!parsed.success) throw badCursor();
  return parsed.data;
}

const cursorOf = (binding: string, position: unknown) => (position === null ? null : encodeCursor(binding, position));

export const operations = {
  listClaims: op({
    path: "/claims",
    operationId: "listClaims",
    tag: "Claims",
    summary: "List published fact-checks",
    description:
      "Published, corrected and retracted fact-checks, newest publication first, as their pages show them (what two people approved). Filters combine with AND.",
    query: claimListQuery,
    response: claimListSchema,
    async handle({ query }) {
      const filters = { verdict: query.verdict, speaker: query.speaker, topic: query.topic, language: query.language, from: query.from, to: query.to };
      const binding = queryBinding("claims", filters);
      const after: ClaimKey | null = readCursor(binding, query.cursor, claimKey);
      const page = await pagePublicClaims({ filters, after, take: query.limit });
      const origin = siteOrigin();
      return { json: { items: page.items.map((c) => presentClaimSummary(origin, c)), nextCursor: cursorOf(binding, page.next) } };
    },
  }),

  getClaim: op({
    path: "/claims/{slug}",
    operationId: "getClaim",
    tag: "Claims",
    summary: "One published fact-check",
    description: "Everything the claim's public page shows: verdict, summary, analysis, quotes, sources, evidence, corrections, and other organisations' approved fact-checks of it.",
    pathParams: slugPath,
    response: claimSchema,
    notFound: true,
    async handle({ path }) {
      const claim = await getPublicClaim(path.slug);
      if (!claim) throw notFound("Claim");
      return { json: presentClaim(siteOrigin(), claim) };
    },
  }),

  searchClaims: op({
    path: "/claims:search",
    operationId: "searchFactCheckedClaims",
    tag: "Claims",
    summary: "Search fact-checked claims (Fact Check Tools compatible)",
    description:
      "The parameters and answer of Google's Fact Check Tools API `claims:search` (v1alpha1), so that its clients work unchanged: our fact-checks (in German, or in English with languageCode=en) and, marked `external: true`, other organisations' fact-checks an editor linked to our claims and a second person approved. Unknown parameters (such as `key`) are ignored.",
    query: factCheckQuery,
    response: factCheckResponseSchema,
    async handle({ query }) {
      return { json: await searchFactChecks(query) };
    },
  }),

  listSpeakers: op({
    path: "/speakers",
    operationId: "listSpeakers",
    tag: "Speakers",
    summary: "List speakers",
    description: "People and organisations with at least one public claim or quote, by slug.",
    query: pageQuery,
    response: speakerListSchema,
    async handle({ query }) {
      const binding = queryBinding("speakers", {});
      const page = await pagePublicSpeakers({ after: readCursor(binding, query.cursor, slugKey), take: query.limit });
      const origin = siteOrigin();
      return { json: { items: page.items.map((s) => presentSpeaker(origin, s)), nextCursor: cursorOf(binding, page.next) } };
    },
  }),

  getSpeaker: op({
    path: "/speakers/{slug}",
    operationId: "getSpeaker",
    tag: "Speakers",
    summary: "One speaker",
    description: "A speaker's profile, the number of its public claims and quotes, and the verdicts of its claims. Its claims: /claims?speaker={slug}; its quotes: /quotes?speaker={slug}.",
    pathParams: slugPath,
    response: speakerDetailSchema,
    notFound: true,
    async handle({ path }) {
      const page = await getPublicSpeakerPage(path.slug, { pageSize: 1 });
      if (!page) throw notFound("Speaker");
      return { json: presentSpeakerDetail(siteOrigin(), page) };
    },
  }),

  listQuotes: op({
    path: "/quotes",
    operationId: "listQuotes",
    tag: "Quotes",
    summary: "List quotes",
    description: "Quotes attached to public claims, each once, as approved on the claim approved last, in a stable order.",
    query: quoteListQuery,
    response: quoteListSchema,
    async handle({ query }) {
      const filters = { speaker: query.speaker, language: query.language };
      const binding = queryBinding("quotes", filters);
      const page = await pagePublicQuotes({ filters, after: readCursor(binding, query.cursor, slugKey), take: query.limit });
      const origin = siteOrigin();
      return { json: { items: page.items.map((q) => presentQuote(origin, q)), nextCursor: cursorOf(binding, page.next) } };
    },
  }),

  listTopics: op({
    path: "/topics",
    operationId: "listTopics",
    tag: "Topics",
    summary: "List topics",
    description: "Topics with at least one public claim, by slug, with the number of their public claims.",
    query: pageQuery,
    response: topicListSchema,
    async handle({ query }) {
      const binding = queryBinding("topics", {});
      const page = await pagePublicTopics({ after: readCursor(binding, query.cursor, slugKey), take: query.limit });
      const origin = siteOrigin();
      return { json: { items: page.items.map((t) => presentTopic(origin, t)), nextCursor: cursorOf(binding, page.next) } };
    },
  }),

  getTopic: op({
    path: "/topics/{slug}",
    operationId: "getTopic",
    tag: "Topics",
    summary: "One topic",
    description: "A topic with the number of its public claims. Its claims: /claims?topic={slug}.",
    pathParams: slugPath,
    response: topicSchema,
    notFound: true,
    async handle({ path }) {
      const topic = await getPublicTopicWithCount(path.slug);
      if (!topic) throw notFound("Topic");
      return { json: presentTopic(siteOrigin(), topic) };
    },
  }),

  search: op({
    path: "/search",
    operationId: "search",
    tag: "Search",
    summary: "Search claims, quotes and speakers",
    description:
      "The site's search: German and English full text over public claims (text and summary), quotes and speakers (names, aliases), ranked, with similar spellings when nothing matches. 20 hits a page.",
    query: searchQuery,
    response: searchResultSchema,
    async handle({ query }) {
      const input = { q: query.q, type: query.type, verdict: query.verdict, speaker: query.speaker, topic: query.topic, from: query.from, to: query.to };
      const binding = queryBinding("search", input);
      const page = readCursor(binding, query.cursor, pageNumber) ?? 1;
      const result = await searchPublic({ ...input, page });
      const next = result.searched && result.page < result.pageCount ? result.page + 1 : null;
      return { json: presentSearch(siteOrigin(), result, cursorOf(binding, next)) };
    },
  }),

  claimReviewFeed: op({
    path: "/claimreview-feed.json",
    operationId: "claimReviewFeed",
    tag: "Feeds",
    summary: "All fact-checks as a schema.org DataFeed of ClaimReview",
    description:
      "The Data Commons feed shape: a DataFeed whose dataFeedElement items each hold the ClaimReview of one published fact-check, as its page carries it (retracted ones and those without a verdict have none). `lang=de` (default) describes the German pages, `lang=en` the English ones (verdict labels and URLs). Streamed; the ETag changes with every public change.",
    query: feedQuery,
    response: claimReviewFeedSchema,
    contentType: "application/ld+json",
    async handle({ query }) {
      return claimReviewFeed(query.lang ?? "de");
    },
  }),
} as const;

export type OperationName = keyof typeof operations;

/** Refuses a path outside the API's operations (used by the catch-all route). */
export function unknownEndpoint(): never {
  throw new ApiError(404, "not_found", "No such endpoint; the OpenAPI document lists them: /api/v1/openapi.json.");
}
