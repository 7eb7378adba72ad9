import type { Pagefind, PagefindResult, PagefindSearchOptions } from "@/features/search/pagefind";

/**
 * Which of Pagefind's results hold the words searched for in their text. Pagefind finds, for
 * each word, every story with a word of its index that starts with the word's stem ("harvest"
 * for "harvesting", "teapot" for "tea"); but when no word of an index starts with it, it
 * searches for the longest start of the word that is a word of the index instead ("teapot"
 * finds "tea", "alphabet" finds a topic named "Alpha": Pagefind issue #793, which no option
 * turns off). It also searches a page's metadata (its topic, date, language, photo's file and
 * alt text), so a story can match a word that its text does not have. What is kept here is
 * decided from what Pagefind returns: its word locations in the text (none for a match in
 * metadata only), an exact search for the word's stem (`"word"`), and, only where that finds
 * nothing, the words at the locations of one result (one fragment file).
 */

/** Punctuation Pagefind drops from the words searched for (its search() does the same). */
const DROPPED = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;
const stripMarks = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "");

/** The words searched for, as Pagefind reads them: lower case, no punctuation or diacritics. */
export function queryWords(query: string): string[] {
  const words = stripMarks(query.replace(DROPPED, "").toLocaleLowerCase()).split(/\s+/u);
  return [...new Set(words.filter(Boolean))];
}

/**
 * The forms Pagefind indexes a word of the text under, before stemming, without diacritics:
 * the word's letters and digits ("table.Illustration" is "tableillustration") and its parts,
 * split at ASCII punctuation and where the case or letters and digits change ("table",
 * "illustration"; "3Wirephoto" is "3" and "wirephoto"), as its indexer splits compound words.
 */
export function wordForms(word: string): string[] {
  const whole = stripMarks(word.replace(/[^\p{L}\p{N}\p{M}]/gu, "").toLocaleLowerCase());
  const parts = stripMarks(
    word
      .replace(/[!-/:-@[-`{-~]/g, " ")
      .replace(
        /(\p{Ll})(?=\p{Lu})|(\p{Lu})(?=\p{Lu}\p{Ll})|(\p{L})(?=\p{N})|(\p{N})(?=\p{L})/gu,
        "$& ",
      )
      .toLocaleLowerCase(),
  ).split(/\s+/u);
  return [...new Set([whole, ...parts].filter(Boolean))];
}

/**
 * The words of a story's indexed text at Pagefind's locations, split as Pagefind splits it to
 * mark an excerpt: at zero-width spaces where it put them (text it segmented), else at spaces.
 */
export function wordsAt(rawContent: string, locations: readonly number[]): string[] {
  const words = rawContent.includes("\u200B")
    ? rawContent.split("\u200B")
    : rawContent.split(/[^\S\uFEFF]+/u);
  return locations.map((location) => (words[location] ?? "").replace(/&lt;/g, "<"));
}

/** Whether a word of the text starts with the word searched for, in any form Pagefind indexes. */
export const startsWithWord = (textWords: readonly string[], word: string): boolean =>
  textWords.some((textWord) => wordForms(textWord).some((form) => form.startsWith(word)));

type ShardSearch = (term: string, options?: PagefindSearchOptions) => Promise<PagefindResult[]>;

/**
 * Whether Pagefind's matches in text for one word (`inText`, best first) are the word's own or a
 * stand-in's. A word of the index with the same stem, found by an exact search, means Pagefind
 * searched for the word itself; otherwise the best result's words at its locations tell.
 */
async function foundTheWord(search: ShardSearch, word: string, inText: PagefindResult[]) {
  const [best] = inText;
  if (!best) return false;
  if ((await search(`"${word}"`)).length > 0) return true;
  const data = await best.data();
  return startsWithWord(wordsAt(data.raw_content ?? data.content ?? "", best.words), word);
}

/** A shard's results that hold every word searched for in their text, best first. */
export async function resultsWithWords(
  pagefind: Pick<Pagefind, "search">,
  shard: number,
  query: string,
  options: PagefindSearchOptions,
): Promise<PagefindResult[]> {
  const search: ShardSearch = (term, searchOptions) => pagefind.search(shard, term, searchOptions);
  const words = queryWords(query);
  // A result with no location matched in metadata alone.
  const inText = (results: PagefindResult[]) => results.filter((result) => result.words.length > 0);
  let results = inText(await search(query, options));
  if (words.length === 1 && words[0]) {
    return (await foundTheWord(search, words[0], results)) ? results : [];
  }
  for (const word of words) {
    if (results.length === 0) break;
    // The stories with this word in their text (its index chunks are already here).
    const withWord = inText(await search(word));
    if (!(await foundTheWord(search, word, withWord))) return [];
    const ids = new Set(withWord.map((result) => result.id));
    results = results.filter((result) => ids.has(result.id));
  }
  return results;
}
