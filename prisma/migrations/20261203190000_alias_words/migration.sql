-- The aliases that hold every word of a search, found by their words' index rather than by
-- parsing the aliases of every matching speaker (lib/public/search.ts, speakerHits; issue 15).
CREATE INDEX "SpeakerAlias_alias_words_idx" ON "SpeakerAlias" USING GIN (to_tsvector('claimbase_simple', "alias"));
