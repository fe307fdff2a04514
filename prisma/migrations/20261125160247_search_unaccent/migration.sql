-- Claimbase: accent-insensitive public search (lib/public/search.ts). Written by hand: nothing
-- in schema.prisma changes (datamodel.snapshot is the previous migration's, unchanged), and
-- every statement below is something the Prisma schema language cannot say.
--
--  * Text search configurations claimbase_german, claimbase_english and claimbase_simple:
--    copies of the built-in ones whose dictionaries for words with non-ASCII letters run
--    unaccent first ("Herrschaftsgebíet" and "Herrschaftsgebiet", "Außenminister" and
--    "Aussenminister" give the same lexeme). Folding accents inside the configuration, rather
--    than unaccenting the text before to_tsvector, lets ts_headline mark the words of the
--    original, accented text. German stopwords are dropped before unaccent (by
--    claimbase_german_stop, the built-in German stopword list): unaccented, "für" or "über"
--    would no longer be recognised as stopwords and would become required query terms.
--  * The generated search* columns of Claim, Quote and Speaker are recreated with them
--    (PostgreSQL 15 cannot change the expression of a generated column). They still index
--    public text only: the text and the published summary of a claim, never working fields.
--    Their GIN indexes come back under the same names (the drift test compares them).
--  * claimbase_unaccent(text): unaccent() is STABLE, so it cannot appear in an index
--    expression. This IMMUTABLE wrapper names its dictionary with its schema, so that it
--    works whatever the search_path (restores run with an empty one).
--  * Trigram indexes on the unaccented text, name and alias, for the typo-tolerant fallback
--    of the search. schema.prisma cannot declare indexes on expressions: the drift test
--    lists them by name (tests/integration/migrations.test.ts, HAND_WRITTEN_INDEXES).

-- hand-written
CREATE OR REPLACE FUNCTION claimbase_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- hand-written
CREATE TEXT SEARCH DICTIONARY claimbase_german_stop (TEMPLATE = pg_catalog.simple, STOPWORDS = german, ACCEPT = false);

CREATE TEXT SEARCH CONFIGURATION claimbase_german (COPY = pg_catalog.german);
ALTER TEXT SEARCH CONFIGURATION claimbase_german
  ALTER MAPPING FOR word, hword, hword_part WITH claimbase_german_stop, unaccent, german_stem;

CREATE TEXT SEARCH CONFIGURATION claimbase_english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION claimbase_english
  ALTER MAPPING FOR word, hword, hword_part WITH unaccent, english_stem;

CREATE TEXT SEARCH CONFIGURATION claimbase_simple (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION claimbase_simple
  ALTER MAPPING FOR word, hword, hword_part WITH unaccent, simple;

-- hand-written: Speaker (name as it is written, bio stemmed)
ALTER TABLE "Speaker" DROP COLUMN "searchDe";
ALTER TABLE "Speaker" DROP COLUMN "searchEn";
ALTER TABLE "Speaker"
  ADD COLUMN "searchDe" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('claimbase_simple'::regconfig, coalesce("name", '')), 'A') || setweight(to_tsvector('claimbase_german'::regconfig, coalesce("bio", '')), 'B')) STORED,
  ADD COLUMN "searchEn" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('claimbase_simple'::regconfig, coalesce("name", '')), 'A') || setweight(to_tsvector('claimbase_english'::regconfig, coalesce("bio", '')), 'B')) STORED;
CREATE INDEX "Speaker_searchDe_idx" ON "Speaker" USING GIN ("searchDe");
CREATE INDEX "Speaker_searchEn_idx" ON "Speaker" USING GIN ("searchEn");

-- hand-written: Quote
ALTER TABLE "Quote" DROP COLUMN "searchDe";
ALTER TABLE "Quote" DROP COLUMN "searchEn";
ALTER TABLE "Quote"
  ADD COLUMN "searchDe" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('claimbase_german'::regconfig, coalesce("text", '')), 'A')) STORED,
  ADD COLUMN "searchEn" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('claimbase_english'::regconfig, coalesce("text", '')), 'A')) STORED;
CREATE INDEX "Quote_searchDe_idx" ON "Quote" USING GIN ("searchDe");
CREATE INDEX "Quote_searchEn_idx" ON "Quote" USING GIN ("searchEn");

-- hand-written: Claim (public text only: the text and the published summary)
ALTER TABLE "Claim" DROP COLUMN "searchDe";
ALTER TABLE "Claim" DROP COLUMN "searchEn";
ALTER TABLE "Claim"
  ADD COLUMN "searchDe" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('claimbase_german'::regconfig, coalesce("text", '')), 'A') || setweight(to_tsvector('claimbase_german'::regconfig, coalesce("publishedSummary", '')), 'B')) STORED,
  ADD COLUMN "searchEn" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('claimbase_english'::regconfig, coalesce("text", '')), 'A') || setweight(to_tsvector('claimbase_english'::regconfig, coalesce("publishedSummary", '')), 'B')) STORED;
CREATE INDEX "Claim_searchDe_idx" ON "Claim" USING GIN ("searchDe");
CREATE INDEX "Claim_searchEn_idx" ON "Claim" USING GIN ("searchEn");

-- hand-written: trigram indexes for the typo-tolerant fallback
CREATE INDEX "Claim_text_unaccent_trgm_idx" ON "Claim" USING GIN (claimbase_unaccent("text") gin_trgm_ops);
CREATE INDEX "Quote_text_unaccent_trgm_idx" ON "Quote" USING GIN (claimbase_unaccent("text") gin_trgm_ops);
CREATE INDEX "Speaker_name_unaccent_trgm_idx" ON "Speaker" USING GIN (claimbase_unaccent("name") gin_trgm_ops);
CREATE INDEX "SpeakerAlias_alias_unaccent_trgm_idx" ON "SpeakerAlias" USING GIN (claimbase_unaccent("alias") gin_trgm_ops);
