// A small language guess for ingested articles: German or English, by counting frequent
// function words. Enough to preselect the extractor's language; the editor can override it.
const GERMAN = new Set(
  "der die das und ist nicht ein eine einer einem einen den dem des sich mit auf für von zu im auch es sie er wir ich hat haben wird werden sei seien wurde wurden war nach bei aus wie über dass noch nur oder aber am vom zum zur sagte sagt".split(" "),
);
const ENGLISH = new Set(
  "the and is are was were be been of to in that it for on with as by at from this which has have had not but or an will would said says he she they we his her their its there who also".split(" "),
);

export type Language = "de" | "en";

/** "de" or "en" for the text, or null when it has too few telling words to say. */
export function detectLanguage(text: string): Language | null {
  let de = 0;
  let en = 0;
  // The first 20 000 characters tell enough.
  for (const match of text.slice(0, 20_000).toLowerCase().matchAll(/\p{L}+/gu)) {
    const word = match[0];
    if (GERMAN.has(word)) de++;
    if (ENGLISH.has(word)) en++;
  }
  if (de + en < 3) return null;
  return de >= en ? "de" : "en";
}
