import { stat } from "node:fs/promises";
import path from "node:path";
import type { Content } from "../content/load-content.ts";
import { sha1 } from "../shared/build-cache.ts";
import { mapLimit } from "../shared/map-limit.ts";
import { litePhotoPath } from "./lite-photo.ts";

/**
 * For each story, one hash of the byte sizes of the files its lite page's photo links open,
 * told to prerendering as that page's input `litePhotoSizesInput(id)` (lite-routes.ts): a lite
 * story is rendered again when a size it shows changed, and only then. (One hash of every
 * photo's size for all lite stories made a new photo render every lite story again: 20,000
 * pages for a publish at 20,000 stories, each compressed again, for no changed byte.)
 */
export async function litePhotoSizes(
  content: Content,
  siteDir: string,
): Promise<Map<string, string>> {
  // Each photo's link, "<file> <bytes>", by its src.
  const links = new Map(
    await mapLimit([...content.photos], 16, async ([src, photo]): Promise<[string, string]> => {
      const file = litePhotoPath(photo);
      const { size } = await stat(path.join(siteDir, file.slice(1)));
      return [src, `${file} ${size}`];
    }),
  );
  const byStory = new Map<string, string>();
  for (const card of content.cards) {
    const shown = (content.photosOf.get(card.id) ?? []).map((src) => links.get(src));
    byStory.set(card.id, sha1(shown.join("\n")));
  }
  return byStory;
}
