// The input of the article desk's writes: zod schemas and the parsed types (ingestion, and the
// decisions on a candidate).
import { z } from "zod";
import { MAX_INGEST_BYTES } from "../../ingest";
import { msg, zodMessage } from "../../messages";
import { checkbox, id, optionalDate, optionalId, optionalText, optionalUrl, version } from "../fields";

/** The longest text of a quote and of a claim (as ../quotes.ts and ../claims allow). */
export const QUOTE_MAX = 10_000;
export const CLAIM_MAX = 2_000;

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const fileField = z.preprocess(
  (v) => (v instanceof File && v.size === 0 && v.name === "" ? undefined : v),
  z.instanceof(File, { error: zodMessage("msg.article.fileMissing") }).optional(),
);

export const ingestArticleInput = z.object({
  title: optionalText("title", 500),
  // The pasted text; its size is checked in bytes (lib/ingest), this only bounds the form.
  // Only "" is no text: whitespace alone is an empty article (a clearer message).
  text: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(MAX_INGEST_BYTES * 2, zodMessage("msg.article.pastedTooLarge")).optional()),
  file: fileField,
  format: z.preprocess(blank, z.enum(["auto", "text", "html"], { error: zodMessage("msg.article.chooseFormat") }).default("auto")),
  publisher: optionalText("publisher", 300),
  publishedAt: optionalDate("publishedAt"),
  url: optionalUrl("url"),
  language: z.preprocess(blank, z.enum(["auto", "de", "en"], { error: zodMessage("msg.article.chooseLanguage") }).default("auto")),
});
export type IngestArticleInput = z.output<typeof ingestArticleInput>;

export const articleRefInput = z.object({ id: id("article") });
export type ArticleRefInput = z.output<typeof articleRefInput>;

const offset = (label: "candidateStart" | "candidateEnd") =>
  z.preprocess(
    blank,
    z.coerce
      .number({ error: zodMessage("msg.validation.number", { field: msg(`msg.field.${label}`) }) })
      .int(zodMessage("msg.validation.integer", { field: msg(`msg.field.${label}`) }))
      .min(0, zodMessage("msg.validation.notNegative", { field: msg(`msg.field.${label}`) })),
  );

/** Accepting one candidate: the speaker (an existing one, or "" for the mention as a new one). */
export const acceptCandidateInput = z.object({
  id: id("candidate"),
  version,
  // Quotes: the speaker; claims: the claimant. "" = the candidate's own (matched or new).
  speakerId: optionalId(),
  confirmNewSpeaker: checkbox,
});
export type AcceptCandidateInput = z.output<typeof acceptCandidateInput>;

export const rejectCandidateInput = z.object({ id: id("candidate"), version });
export type RejectCandidateInput = z.output<typeof rejectCandidateInput>;

export const editCandidateInput = z.object({
  id: id("candidate"),
  version,
  start: offset("candidateStart"),
  end: offset("candidateEnd"),
  // Blank: the words at the span.
  text: z.preprocess(
    (v) => (typeof v === "string" ? blank(v.replace(/\r\n?/g, "\n").trim()) : v),
    z.string().max(QUOTE_MAX, zodMessage("msg.validation.tooLong", { field: msg("msg.field.text"), max: QUOTE_MAX })).optional(),
  ),
  speechKind: z.preprocess(blank, z.enum(["direct", "indirect"], { error: zodMessage("msg.article.chooseSpeech") }).optional()),
  // An existing speaker, or none (then the mention's name, or newSpeakerName, is a new one).
  speakerId: optionalId(),
  newSpeakerName: optionalText("newSpeakerName", 200),
});
export type EditCandidateInput = z.output<typeof editCandidateInput>;

export const acceptAllInput = z.object({ id: id("article"), confirmNewSpeakers: checkbox });
export type AcceptAllInput = z.output<typeof acceptAllInput>;
