import { stat } from "node:fs/promises";
import path from "node:path";
import type { Content } from "../content/load-content.ts";
import { sha1 } from "../shared/build-cache.ts";
import { mapLimit } from "../shared/map-limit.ts";
import { litePhotoPath } from "./lite-photo.ts";

/**
 * One hash of the byte size of every file a lite page's photo link opens, told to
 * prerendering as the input LITE_PHOTO_SIZES of every lite story page: a lite story is
 * rendered again when a size it may show changed. Per story would render fewer pages again,
 * but which photos a story's body holds is not kept by the content stage; a new photo makes
 * every lite story render again (no file changes but the new story's: same bytes, same file).
 */
export async function litePhotoSizes(content: Content, siteDir: string): Promise<string> {
  const files = [...new Set([...content.photos.values()].map(litePhotoPath))].sort();
  const sizes = await mapLimit(files, 16, async (file) => {
    const { size } = await stat(path.join(siteDir, file.slice(1)));
    return `${file} ${size}`;
  });
  return sha1(sizes.join("\n"));
}
