/**
 * The web app manifest and its icons, which make the reader installable. Every icon is drawn
 * from one source image (public/favicon.svg) by sharp, so a new logo is one file; the same
 * source always gives the same bytes, so the build cache and the service worker's precache
 * see no change when the logo did not change.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { prefixBasePath } from "../../src/shared/base-path.ts";

export const MANIFEST_FILE = "manifest.webmanifest";
export const ICON_SOURCE = "public/favicon.svg";

/** Light theme colours (src/app/styles.css); the page's theme-color meta tags add dark. */
const PAPER = "#ffffff";
const ACCENT = "#b3261e";

type Icon = { file: string; size: number; purpose: "any" | "maskable" };
export const ICONS: readonly Icon[] = [
  { file: "icons/icon-192.png", size: 192, purpose: "any" },
  { file: "icons/icon-512.png", size: 512, purpose: "any" },
  // A maskable icon is cropped to a circle or squircle by the launcher: the mark sits in the
  // middle 60%, well inside the 80% safe zone, on a full-bleed square of its own colour.
  { file: "icons/maskable-512.png", size: 512, purpose: "maskable" },
];

/** `base`: the site's base path; the app is installed from, and stays within, that folder. */
export function webAppManifest(base = "/") {
  return {
    name: "Dispatch",
    short_name: "Dispatch",
    description: "A fast, accessible news reader that keeps the stories you read offline.",
    id: base,
    start_url: base,
    scope: base,
    display: "standalone",
    lang: "en",
    dir: "ltr",
    theme_color: ACCENT,
    background_color: PAPER,
    icons: ICONS.map(({ file, size, purpose }) => ({
      src: prefixBasePath(base, `/${file}`),
      sizes: `${size}x${size}`,
      type: "image/png",
      purpose,
    })),
  };
}

async function drawIcon(svg: Buffer, { size, purpose }: Icon): Promise<Buffer> {
  if (purpose === "any") {
    return sharp(svg, { density: 72 * (size / 32) })
      .resize(size, size)
      .png({ compressionLevel: 9 })
      .toBuffer();
  }
  const mark = Math.round(size * 0.6);
  const inner = await sharp(svg, { density: 72 * (mark / 32) })
    .resize(mark, mark)
    .png()
    .toBuffer();
  return sharp({ create: { width: size, height: size, channels: 4, background: ACCENT } })
    .composite([{ input: inner, gravity: "center" }])
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** Writes the manifest and the icons into the site folder `outDir`, made for base path `base`. */
export async function emitWebAppManifest(root: string, outDir: string, base = "/"): Promise<void> {
  const sourceFile = path.join(root, ICON_SOURCE);
  const svg = await readFile(sourceFile).catch((error: unknown) => {
    throw new Error(`${ICON_SOURCE}: the icons' source image cannot be read (${String(error)})`);
  });
  await mkdir(path.join(outDir, "icons"), { recursive: true });
  await Promise.all(
    ICONS.map(async (icon) => writeFile(path.join(outDir, icon.file), await drawIcon(svg, icon))),
  );
  await writeFile(path.join(outDir, MANIFEST_FILE), JSON.stringify(webAppManifest(base), null, 2));
}
