// lib/claimreview.ts: a public claim → ClaimReview JSON-LD, and ClaimReview JSON-LD as real
// fact-checkers publish it → the normalised import.
import { describe, expect, it } from "vitest";
import {
  buildClaimReview,
  parseClaimReviewJsonLd,
  serializeJsonLd,
  type ClaimReviewContext,
  type ClaimReviewInput,
  type ImportedClaimReview,
} from "../../lib/claimreview";
import type { PublicQuote, PublicSource, PublicSpeakerRef, PublicVerdict } from "../../lib/public";

// ---------------------------------------------------------------------------------------
// Fixtures

const FALSE: PublicVerdict = {
  key: "false",
  nameDe: "falsch",
  nameEn: "false",
  explanationDe: "Die Aussage ist nicht korrekt.",
  explanationEn: "The statement is not accurate.",
  ratingValue: 1,
};
const UNVERIFIABLE: PublicVerdict = {
  key: "unverifiable",
  nameDe: "nicht überprüfbar",
  nameEn: "unverifiable",
  explanationDe: "Es gibt nicht genug belastbare Belege.",
  explanationEn: "There is not enough reliable evidence.",
  ratingValue: null,
};

const TRUMP: PublicSpeakerRef = { slug: "donald-trump", name: "Donald Trump", kind: "person", wikidataId: "Q22686" };
const AGENCY: PublicSpeakerRef = { slug: "nachrichtenagentur", name: "Nachrichtenagentur", kind: "publication", wikidataId: null };
const KREMLIN: PublicSpeakerRef = { slug: "kreml", name: "Kreml", kind: "organization", wikidataId: "Q1936" };

function source(overrides: Partial<PublicSource> = {}): PublicSource {
  return {
    kind: "news_article",
    url: "https://example.org/apec",
    title: "Trump und Putin beim Apec-Gipfel",
    publisher: "Nachrichtenagentur",
    author: null,
    publishedAt: new Date("2017-11-11T12:00:00Z"),
    language: "de",
    ...overrides,
  };
}

const LATER = source({ url: "https://example.org/later", title: "Nachbericht", publishedAt: new Date("2017-11-12T08:00:00Z") });
const EARLIER = source({ url: null, title: "Agenturmeldung", publisher: "dpa", publishedAt: new Date("2017-11-10T18:30:00Z") });
const UNDATED = source({ url: "https://example.org/undated", title: "Ohne Datum", publisher: null, publishedAt: null });

function quote(appearances: PublicSource[]): PublicQuote {
  return {
    text: "Wir haben eine großartige Vereinbarung erzielt.",
    language: "de",
    kind: "direct",
    saidOn: new Date("2017-11-11T00:00:00Z"),
    occasion: "APEC-Gipfel",
    place: "Da Nang",
    speaker: TRUMP,
    reportedBy: null,
    translations: [],
    appearances: appearances.map((s) => ({ source: s, context: null })),
  };
}

function claim(overrides: Partial<ClaimReviewInput> = {}): ClaimReviewInput & { slug: string } {
  return {
    slug: "is-hat-95-prozent-verloren",
    text: "Der IS hat 95 Prozent seines Gebiets verloren.",
    status: "published",
    claimant: TRUMP,
    verdict: FALSE,
    summary: "Die Zahl stammt von einer Konfliktpartei.",
    publishedAt: new Date("2017-11-17T09:00:00Z"),
    publicUpdatedAt: new Date("2017-11-20T10:15:00Z"),
    claimDate: new Date("2017-11-11T00:00:00Z"),
    quotes: [quote([LATER, UNDATED])],
    passages: [{ source: EARLIER, context: null }, { source: LATER, context: null }],
    ...overrides,
  };
}

const CTX: ClaimReviewContext = {
  url: "https://faktencheck.example/claims/is-hat-95-prozent-verloren",
  organization: { name: "Beispiel Faktencheck", url: "https://faktencheck.example" },
  scale: { best: 6, worst: 1 },
  locale: "de",
};

// ---------------------------------------------------------------------------------------
// Export

describe("buildClaimReview", () => {
  it("maps a published claim to a complete ClaimReview", () => {
    const review = buildClaimReview(claim(), CTX)!;
    expect(review).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      url: CTX.url,
      claimReviewed: "Der IS hat 95 Prozent seines Gebiets verloren.",
      datePublished: "2017-11-17T09:00:00.000Z",
      dateModified: "2017-11-20T10:15:00.000Z",
      author: { "@type": "Organization", name: "Beispiel Faktencheck", url: "https://faktencheck.example" },
      reviewRating: {
        "@type": "Rating",
        alternateName: "falsch",
        ratingValue: 1,
        bestRating: 6,
        worstRating: 1,
        ratingExplanation: "Die Zahl stammt von einer Konfliktpartei.",
      },
    });
    expect(review.itemReviewed).toEqual({
      "@type": "Claim",
      author: { "@type": "Person", name: "Donald Trump", sameAs: "https://www.wikidata.org/wiki/Q22686" },
      datePublished: "2017-11-11",
      // Each source once: the quote's first, then the passages'.
      appearance: [
        {
          "@type": "CreativeWork",
          url: "https://example.org/later",
          name: "Nachbericht",
          publisher: { "@type": "Organization", name: "Nachrichtenagentur" },
          datePublished: "2017-11-12T08:00:00.000Z",
        },
        { "@type": "CreativeWork", url: "https://example.org/undated", name: "Ohne Datum" },
        {
          "@type": "CreativeWork",
          name: "Agenturmeldung",
          publisher: { "@type": "Organization", name: "dpa" },
          datePublished: "2017-11-10T18:30:00.000Z",
        },
      ],
      // The earliest dated one.
      firstAppearance: {
        "@type": "CreativeWork",
        name: "Agenturmeldung",
        publisher: { "@type": "Organization", name: "dpa" },
        datePublished: "2017-11-10T18:30:00.000Z",
      },
    });
  });

  it("gives the verdict label in the page language", () => {
    expect(buildClaimReview(claim(), { ...CTX, locale: "en" })!.reviewRating.alternateName).toBe("false");
  });

  it("keeps the label but leaves out the numbers for a verdict without a rating value", () => {
    for (const [locale, label] of [
      ["de", "nicht überprüfbar"],
      ["en", "unverifiable"],
    ] as const) {
      const rating = buildClaimReview(claim({ verdict: UNVERIFIABLE, summary: "Keine Belege." }), { ...CTX, locale })!.reviewRating;
      expect(rating).toEqual({ "@type": "Rating", alternateName: label, ratingExplanation: "Keine Belege." });
    }
  });

  it("leaves out the numbers when the scale has none", () => {
    const rating = buildClaimReview(claim(), { ...CTX, scale: null })!.reviewRating;
    expect(rating).toEqual({ "@type": "Rating", alternateName: "falsch", ratingExplanation: "Die Zahl stammt von einer Konfliktpartei." });
  });

  it("keeps a value from a label no longer on the active scale inside its range", () => {
    const rating = buildClaimReview(claim({ verdict: { ...FALSE, ratingValue: 0 } }), CTX)!.reviewRating;
    expect([rating.ratingValue, rating.bestRating, rating.worstRating]).toEqual([0, 6, 0]);
  });

  it("names a person as Person and organisations and publications as Organization", () => {
    expect(buildClaimReview(claim({ claimant: KREMLIN }), CTX)!.itemReviewed.author).toEqual({
      "@type": "Organization",
      name: "Kreml",
      sameAs: "https://www.wikidata.org/wiki/Q1936",
    });
    expect(buildClaimReview(claim({ claimant: AGENCY }), CTX)!.itemReviewed.author).toEqual({
      "@type": "Organization",
      name: "Nachrichtenagentur",
    });
    expect(buildClaimReview(claim({ claimant: { ...TRUMP, wikidataId: "not-an-id" } }), CTX)!.itemReviewed.author).toEqual({
      "@type": "Person",
      name: "Donald Trump",
    });
    expect(buildClaimReview(claim({ claimant: null }), CTX)!.itemReviewed.author).toBeUndefined();
  });

  it("leaves out what is not known", () => {
    const review = buildClaimReview(
      claim({ summary: null, claimDate: null, publicUpdatedAt: null, quotes: [], passages: [] }),
      CTX,
    )!;
    expect(review.reviewRating.ratingExplanation).toBeUndefined();
    expect(review.dateModified).toBeUndefined();
    expect(review.itemReviewed).toEqual({
      "@type": "Claim",
      author: { "@type": "Person", name: "Donald Trump", sameAs: "https://www.wikidata.org/wiki/Q22686" },
    });
  });

  it("names the only appearance as the first even without a date, but does not guess among undated ones", () => {
    const one = buildClaimReview(claim({ quotes: [], passages: [{ source: UNDATED, context: null }] }), CTX)!;
    expect(one.itemReviewed.firstAppearance?.name).toBe("Ohne Datum");
    const two = buildClaimReview(
      claim({ quotes: [], passages: [UNDATED, { ...UNDATED, url: "https://example.org/2" }].map((s) => ({ source: s, context: null })) }),
      CTX,
    )!;
    expect(two.itemReviewed.appearance).toHaveLength(2);
    expect(two.itemReviewed.firstAppearance).toBeUndefined();
  });

  it("has none for a retracted claim or a claim without a verdict", () => {
    expect(buildClaimReview(claim({ status: "retracted" }), CTX)).toBeNull();
    expect(buildClaimReview(claim({ verdict: null }), CTX)).toBeNull();
    expect(buildClaimReview(claim({ status: "corrected" }), CTX)).not.toBeNull();
  });

  it("serialises for a script element without a way out of it", () => {
    const review = buildClaimReview(claim({ text: 'Er sagte </script><script>alert("x")</script> <!-- und \u2028 mehr' }), CTX)!;
    const json = serializeJsonLd(review);
    expect(json).not.toContain("<");
    expect(json).toContain("\\u003c/script>");
    expect(json).not.toContain("\u2028");
    expect(JSON.parse(json)).toEqual(review);
  });
});

// ---------------------------------------------------------------------------------------
// Import

function only(json: unknown): ImportedClaimReview {
  const result = parseClaimReviewJsonLd(json);
  if (!result.ok) throw new Error(result.errors.join("; "));
  expect(result.reviews).toHaveLength(1);
  return result.reviews[0]!;
}

describe("parseClaimReviewJsonLd", () => {
  it("refuses JSON nested deeper than any ClaimReview before parsing it (JSON.parse is super-linear there)", () => {
    const deep = parseClaimReviewJsonLd("[".repeat(800_000) + "]".repeat(800_000));
    expect(deep).toEqual({ ok: false, errors: ["not JSON-LD: nested deeper than 64 levels"] });
    // Brackets inside strings are text, not nesting.
    const inString = parseClaimReviewJsonLd(JSON.stringify({ "@type": "ClaimReview", claimReviewed: "[".repeat(500), reviewRating: { "@type": "Rating", alternateName: "Falsch" } }));
    expect(inString.ok).toBe(true);
  });

  it("reads an English fact-checker's review with a text rating and no numbers (Full Fact style)", () => {
    const review = only({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      datePublished: "2023-03-14",
      url: "https://fullfact.example/health/nhs-waiting-list-claim/",
      author: { "@type": "Organization", name: "Full Fact", url: "https://fullfact.example/" },
      claimReviewed: "The NHS waiting list has halved since 2019.",
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Jane Example MP", jobTitle: "Member of Parliament" },
        datePublished: "2023-03-12",
        appearance: [
          { "@type": "CreativeWork", url: "https://twitter.example/janeexample/status/1" },
          "https://news.example/interview",
        ],
      },
      reviewRating: { "@type": "Rating", alternateName: "Incorrect. The waiting list has grown since 2019." },
    });
    expect(review).toEqual({
      url: "https://fullfact.example/health/nhs-waiting-list-claim/",
      headline: null,
      claimReviewed: "The NHS waiting list has halved since 2019.",
      inLanguage: null,
      datePublished: "2023-03-14",
      dateModified: null,
      author: { type: "Organization", name: "Full Fact", url: "https://fullfact.example/", sameAs: [] },
      publisher: null,
      rating: {
        alternateName: "Incorrect. The waiting list has grown since 2019.",
        ratingValue: null,
        bestRating: null,
        worstRating: null,
        ratingExplanation: null,
      },
      itemReviewed: {
        type: "Claim",
        author: { type: "Person", name: "Jane Example MP", url: null, sameAs: [] },
        datePublished: "2023-03-12",
        appearances: [
          { url: "https://twitter.example/janeexample/status/1", name: null, publisher: null, datePublished: null },
          { url: "https://news.example/interview", name: null, publisher: null, datePublished: null },
        ],
        firstAppearance: null,
      },
    });
  });

  it('reads @type ["ClaimReview"], numeric strings and a label (PolitiFact style)', () => {
    const review = only({
      "@context": "http://schema.org",
      "@type": ["ClaimReview"],
      url: "https://politifact.example/factchecks/2024/jan/05/some-senator/",
      datePublished: "2024-01-05T16:30:00-05:00",
      author: { "@type": ["Organization"], name: "PolitiFact", url: "https://politifact.example" },
      claimReviewed: "Says crime rose 50% last year.",
      reviewRating: {
        "@type": "Rating",
        ratingValue: "1",
        bestRating: "6",
        worstRating: "0",
        alternateName: "Pants on Fire!",
        image: "https://politifact.example/img/pants-fire.jpg",
      },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Some Senator", sameAs: ["https://www.wikidata.org/wiki/Q1", "not a url"] },
        datePublished: "2024-01-02",
        firstAppearance: { "@type": "CreativeWork", url: "https://tv.example/show/2024-01-02", name: "Morning Show" },
      },
    });
    expect(review.datePublished).toBe("2024-01-05T21:30:00.000Z");
    expect(review.author).toMatchObject({ type: "Organization", name: "PolitiFact" });
    expect(review.rating).toEqual({
      alternateName: "Pants on Fire!",
      ratingValue: 1,
      bestRating: 6,
      worstRating: 0,
      ratingExplanation: null,
    });
    expect(review.itemReviewed.author).toEqual({
      type: "Person",
      name: "Some Senator",
      url: null,
      sameAs: ["https://www.wikidata.org/wiki/Q1"],
    });
    // The first appearance is an appearance too.
    expect(review.itemReviewed.firstAppearance).toEqual({
      url: "https://tv.example/show/2024-01-02",
      name: "Morning Show",
      publisher: null,
      datePublished: null,
    });
    expect(review.itemReviewed.appearances).toEqual([review.itemReviewed.firstAppearance]);
  });

  it("reads the older markup with itemReviewed as a CreativeWork", () => {
    const review = only({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      datePublished: "2018-06-01",
      url: "https://faktencheck.example/2018/06/01/fluechtlingszahlen",
      claimReviewed: "Im Mai kamen 100.000 Geflüchtete nach Deutschland.",
      author: { "@type": "Organization", name: "Beispiel Faktencheck" },
      itemReviewed: {
        "@type": "CreativeWork",
        author: { "@type": "Organization", name: "Beispielpartei", sameAs: "https://www.wikidata.org/wiki/Q99" },
        datePublished: "2018-05-30",
        url: "https://facebook.example/beispielpartei/posts/1",
        name: "Facebook-Beitrag",
        publisher: "Facebook",
      },
      reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "Falsch" },
    });
    expect(review.itemReviewed).toEqual({
      type: "CreativeWork",
      author: { type: "Organization", name: "Beispielpartei", url: null, sameAs: ["https://www.wikidata.org/wiki/Q99"] },
      datePublished: "2018-05-30",
      appearances: [
        { url: "https://facebook.example/beispielpartei/posts/1", name: "Facebook-Beitrag", publisher: "Facebook", datePublished: "2018-05-30" },
      ],
      firstAppearance: {
        url: "https://facebook.example/beispielpartei/posts/1",
        name: "Facebook-Beitrag",
        publisher: "Facebook",
        datePublished: "2018-05-30",
      },
    });
    expect(review.rating).toMatchObject({ alternateName: "Falsch", ratingValue: 1, bestRating: 5, worstRating: 1 });
  });

  it("finds the ClaimReview in an @graph and resolves @id references (Yoast style)", () => {
    const result = parseClaimReviewJsonLd({
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "WebSite", "@id": "https://checker.example/#website", name: "Checker", publisher: { "@id": "https://checker.example/#org" } },
        {
          "@type": "Organization",
          "@id": "https://checker.example/#org",
          name: "Checker e.V.",
          url: "https://checker.example/",
          sameAs: ["https://social.example/checker"],
        },
        { "@type": ["WebPage", "FAQPage"], "@id": "https://checker.example/check/1#webpage", name: "Check 1" },
        {
          "@type": "ClaimReview",
          "@id": "https://checker.example/check/1#claimreview",
          url: "https://checker.example/check/1",
          inLanguage: { "@type": "Language", name: "German", alternateName: "de" },
          author: { "@id": "https://checker.example/#org" },
          claimReviewed: { "@value": "5G verbreitet Viren.", "@language": "de" },
          reviewRating: { "@id": "https://checker.example/check/1#rating" },
          itemReviewed: { "@id": "https://checker.example/check/1#claim" },
          dateModified: "2020-04-02T11:00:00+02:00",
        },
        { "@type": "Rating", "@id": "https://checker.example/check/1#rating", ratingValue: 1, bestRating: 5, worstRating: 1 },
        {
          "@type": "Claim",
          "@id": "https://checker.example/check/1#claim",
          author: { "@type": "Person", name: "Ein Influencer" },
          appearance: { "@type": "VideoObject", url: "https://video.example/v/1", name: "Video", datePublished: "2020-03-30" },
        },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reviews).toHaveLength(1);
    const review = result.reviews[0]!;
    expect(review.claimReviewed).toBe("5G verbreitet Viren.");
    expect(review.inLanguage).toBe("de");
    expect(review.dateModified).toBe("2020-04-02T09:00:00.000Z");
    expect(review.author).toEqual({ type: "Organization", name: "Checker e.V.", url: "https://checker.example/", sameAs: ["https://social.example/checker"] });
    // A numeric rating without alternateName.
    expect(review.rating).toEqual({ alternateName: null, ratingValue: 1, bestRating: 5, worstRating: 1, ratingExplanation: null });
    expect(review.itemReviewed.author?.name).toBe("Ein Influencer");
    expect(review.itemReviewed.appearances).toEqual([
      { url: "https://video.example/v/1", name: "Video", publisher: null, datePublished: "2020-03-30" },
    ]);
  });

  it("reads several ClaimReviews on one page, reports the broken one, and drops malformed optional fields with a warning", () => {
    const result = parseClaimReviewJsonLd(
      JSON.stringify([
        {
          "@context": "https://schema.org",
          "@type": "schema:ClaimReview",
          claimReviewed: "Claim one",
          datePublished: "yesterday",
          url: "javascript:alert(1)",
          reviewRating: [{ "@type": "Rating", ratingValue: "False" }],
        },
        { "@context": "https://schema.org", "@type": "ClaimReview", claimReviewed: "Claim two" },
        { "@context": "https://schema.org", "@type": "http://schema.org/ClaimReview", claimReviewed: "   ", reviewRating: { ratingValue: 3 } },
        { "@context": "https://schema.org", "@type": "ClaimReview", claimReviewed: "Claim four", reviewRating: { ratingValue: 2, bestRating: "five" } },
      ]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.reviews.map((r) => r.claimReviewed)).toEqual(["Claim one", "Claim four"]);
    const [one, four] = result.reviews;
    // A text put where the number belongs is taken as the label.
    expect(one!.rating).toMatchObject({ alternateName: "False", ratingValue: null });
    expect(one!.datePublished).toBeNull();
    expect(one!.url).toBeNull();
    expect(four!.rating).toMatchObject({ ratingValue: 2, bestRating: null });
    expect(result.warnings.join("\n")).toMatch(/ClaimReview 2: reviewRating is missing/);
    expect(result.warnings.join("\n")).toMatch(/ClaimReview 3: claimReviewed is missing/);
    expect(result.warnings.join("\n")).toMatch(/ClaimReview 1\.datePublished: "yesterday" is not a date/);
    expect(result.warnings.join("\n")).toMatch(/ClaimReview 4\.reviewRating\.bestRating/);
  });

  it("answers clear errors when nothing can be read", () => {
    expect(parseClaimReviewJsonLd("{not json")).toMatchObject({ ok: false, errors: [expect.stringMatching(/^not JSON/)] });
    expect(parseClaimReviewJsonLd(42)).toEqual({ ok: false, errors: ["expected a JSON-LD object or array"] });
    expect(parseClaimReviewJsonLd({ "@type": "NewsArticle", headline: "x" })).toEqual({
      ok: false,
      errors: ["no ClaimReview in the document"],
    });
    expect(parseClaimReviewJsonLd({ "@type": "ClaimReview", claimReviewed: "x", reviewRating: { "@type": "Rating" } })).toEqual({
      ok: false,
      errors: ["ClaimReview.reviewRating: neither alternateName nor a numeric ratingValue"],
    });
  });

  it("reads back what buildClaimReview writes", () => {
    const built = buildClaimReview(claim(), CTX)!;
    const review = only(JSON.parse(serializeJsonLd(built)));
    expect(review).toMatchObject({
      url: CTX.url,
      claimReviewed: built.claimReviewed,
      datePublished: built.datePublished,
      dateModified: built.dateModified,
      author: { type: "Organization", name: "Beispiel Faktencheck", url: "https://faktencheck.example/" },
      rating: { alternateName: "falsch", ratingValue: 1, bestRating: 6, worstRating: 1, ratingExplanation: built.reviewRating.ratingExplanation },
    });
    expect(review.itemReviewed.type).toBe("Claim");
    expect(review.itemReviewed.author).toEqual({ type: "Person", name: "Donald Trump", url: null, sameAs: ["https://www.wikidata.org/wiki/Q22686"] });
    expect(review.itemReviewed.datePublished).toBe("2017-11-11");
    expect(review.itemReviewed.appearances.map((a) => a.name)).toEqual(["Nachbericht", "Ohne Datum", "Agenturmeldung"]);
    expect(review.itemReviewed.firstAppearance).toEqual({ url: null, name: "Agenturmeldung", publisher: "dpa", datePublished: "2017-11-10T18:30:00.000Z" });
  });
});
