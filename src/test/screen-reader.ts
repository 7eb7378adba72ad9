import { virtual } from "@guidepup/virtual-screen-reader";

/**
 * What a screen reader says, reading `container` from top to bottom with its "next" command
 * (@guidepup/virtual-screen-reader: a scripted reader over the accessibility tree jsdom
 * builds). It stops at the end of the document or when it wraps round to where it started;
 * `limit` guards against a reader that never gets there.
 */
export async function readAloud(container: HTMLElement, limit = 400): Promise<string[]> {
  await virtual.start({ container });
  try {
    const first = await virtual.lastSpokenPhrase();
    for (let step = 0; step < limit; step++) {
      await virtual.next();
      const phrase = await virtual.lastSpokenPhrase();
      if (phrase === "end of document") break;
      if (phrase === first) {
        const log = await virtual.spokenPhraseLog();
        return log.slice(0, -1);
      }
    }
    return await virtual.spokenPhraseLog();
  } finally {
    await virtual.stop();
  }
}

/**
 * The phrases `expected` were all spoken, in this order (other phrases may come between):
 * returns the first one that was not, after the ones before it, or undefined.
 */
export function missingInOrder(spoken: string[], expected: string[]): string | undefined {
  let from = 0;
  for (const phrase of expected) {
    const at = spoken.indexOf(phrase, from);
    if (at < 0) return phrase;
    from = at + 1;
  }
  return undefined;
}

/** The scripted reader walks the whole accessibility tree at each step: slow on a busy machine. */
export const SCREEN_READER_TIMEOUT = 30_000;
