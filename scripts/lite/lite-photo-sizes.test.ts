import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Photo, Story } from "../../src/content/schema.ts";
import { contentOf, FIXTURE_TOPICS, storyJson } from "../content/test-fixture.ts";
import { litePhotoPath } from "./lite-photo.ts";
import { litePhotoSizes } from "./lite-photo-sizes.ts";

const photo = (name: string): Photo => ({
  src: `images/${name}.jpg`,
  width: 1600,
  height: 900,
  alt: name,
});

/** A story with a lead photo and the body photos named. */
const story = (id: string, lead: string, ...inBody: string[]): Story =>
  ({
    ...storyJson(id),
    photo: photo(lead),
    body: [
      { type: "paragraph", text: "Text." },
      ...inBody.map((name) => ({ type: "photo", photo: photo(name) })),
    ],
  }) as Story;

/** Three stories: "a" shows harbour and pier, "b" ferry, "c" ferry and harbour. */
const archive = () => [
  story("a", "harbour", "pier"),
  story("b", "ferry"),
  story("c", "ferry", "harbour"),
];

const site = await mkdtemp(path.join(tmpdir(), "lite-photo-sizes-"));
afterAll(() => rm(site, { recursive: true, force: true }));

/** Writes the lite variant of each photo named, `bytes` long. */
async function variants(bytes: number, ...names: string[]) {
  for (const name of names) {
    const file = path.join(site, litePhotoPath(photo(name)).slice(1));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, Buffer.alloc(bytes));
  }
}

describe("the photo sizes a lite story shows", () => {
  it("change for the stories that show a photo whose file changed, and for no other; a new photo changes none already there", async () => {
    await variants(1000, "harbour", "pier", "ferry");
    const before = await litePhotoSizes(contentOf(FIXTURE_TOPICS, archive()), site);
    expect([...before.keys()]).toEqual(["a", "b", "c"]);

    // Publishing a story with a photo new to the site: every other story's input stays.
    await variants(2000, "storm");
    const published = await litePhotoSizes(
      contentOf(FIXTURE_TOPICS, [story("new", "storm"), ...archive()]),
      site,
    );
    for (const id of ["a", "b", "c"]) expect(published.get(id)).toBe(before.get(id));
    expect([...published.keys()]).toEqual(["new", "a", "b", "c"]);

    // The pier photo replaced by a larger file: only the story whose body shows it.
    await variants(1500, "pier");
    const replaced = await litePhotoSizes(contentOf(FIXTURE_TOPICS, archive()), site);
    expect(replaced.get("a")).not.toBe(before.get("a"));
    expect(replaced.get("b")).toBe(before.get("b"));
    expect(replaced.get("c")).toBe(before.get("c"));
  });
});
