import { rm } from "node:fs/promises";
import { watchPageProblems } from "./support/page-problems";
import { buildShardedIndex, type ShardedIndex, serveShardedIndex } from "./support/sharded-index";
import { expect, test } from "./test";

/**
 * The search over an index in several shards, as a large archive's is: the same story pages as
 * the built site, indexed by the build's own code in shards of 16 stories (four here, not the
 * one shard of 1,000 the site's 64 stories make), served in place of /pagefind/.
 */
let index: ShardedIndex | undefined;
let shardPaths: string[] = [];

test.beforeAll(async () => {
  index = await buildShardedIndex({ dataDir: "data", distDir: "dist", shardStories: 16 });
  expect(index.shards).toBe(4);
  shardPaths = index.shardPaths;
});

test.afterAll(async () => {
  if (index) await rm(index.work, { recursive: true, force: true });
});

test("a search over a sharded index: newest stories first, an honest count while older ones are searched, then the whole count; Load more reaches the oldest", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const problems = watchPageProblems(page);
  const heading = page.getByRole("heading", { level: 1 });
  const list = page.getByRole("list", { name: "Stories for “the”" });
  const results = list.getByRole("listitem");
  const loadMore = page.getByRole("button", { name: /^(Load more|Loading more results…)$/ });

  // The whole counts, from the site's own index (one shard).
  await page.goto("/search?q=the");
  await expect(heading).toHaveText(/^\d+ stories for “the”$/);
  const total = Number((await heading.textContent())?.split(" ")[0]);
  await page.goto("/search?q=the&topic=iran");
  await expect(heading).toHaveText(/^\d+ stor(y|ies) for “the”$/);
  const inIran = Number((await heading.textContent())?.split(" ")[0]);

  // The sharded index, older shards held back until the test lets them through.
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const served: string[] = [];
  await serveShardedIndex(
    page,
    index as ShardedIndex,
    async (pathname) => {
      if (shardPaths.slice(1).some((shard) => pathname.startsWith(shard))) await released;
    },
    served,
  );
  await page.goto("/search?q=the");
  await expect(heading).toHaveText(/^\d+\+ stories for “the”$/);
  const counted = Number((await heading.textContent())?.split("+")[0]);
  expect(counted).toBeGreaterThanOrEqual(10);
  expect(counted).toBeLessThan(total);
  await expect(page.getByRole("status")).toHaveText(`${counted}+ stories for “the”`);
  await expect(page.getByText("Searching older stories…")).toBeVisible();
  await expect(results).toHaveCount(10);
  // The newest shard's stories only, so far: no file of an older shard has come.
  const shardFiles = served.filter((file) => file.startsWith("/pagefind/shards/"));
  expect(shardFiles.length).toBeGreaterThan(0);
  expect(shardFiles.filter((file) => !file.startsWith(shardPaths[0] ?? "?"))).toEqual([]);

  // Load more needs the older stories: it says it is loading until they come.
  await loadMore.click();
  await expect(loadMore).toHaveText("Loading more results…");
  await expect(results).toHaveCount(10);
  release();
  await expect(results).toHaveCount(20);
  await expect(results.nth(10).getByRole("link").first()).toBeFocused();
  // Then the whole count, the same as one index's, announced.
  await expect(heading).toHaveText(`${total} stories for “the”`);
  await expect(page.getByText("Searching older stories…")).toBeHidden();

  // Load more goes on to the oldest story: every story once, none twice.
  while ((await results.count()) < total) {
    const shown = await results.count();
    await page.getByRole("button", { name: "Load more" }).click();
    await expect(results).toHaveCount(Math.min(shown + 10, total));
  }
  const added = total - (Math.ceil(total / 10) - 1) * 10;
  await expect(page.getByRole("status")).toHaveText(
    `${added} more ${added === 1 ? "story" : "stories"} loaded`,
  );
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
  const links = await list
    .locator("h2 a")
    .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")));
  expect(new Set(links).size).toBe(total);
  // Every shard names the one WebAssembly, by Pagefind's version (which the browser keeps for
  // good; routed requests, as here, skip its cache).
  const wasm = new Set(served.filter((file) => file.endsWith(".pagefind")));
  expect([...wasm]).toEqual([expect.stringMatching(/^\/pagefind\/wasm\/\d+\.\d+\.\d+\.pagefind$/)]);

  // The topic filter counts across the shards as one index does.
  await page.getByRole("combobox", { name: "Topic" }).selectOption({ label: "Iran" });
  await expect(heading).toHaveText(`${inIran} ${inIran === 1 ? "story" : "stories"} for “the”`);

  // A Persian word finds its story in whichever shard holds it, read right to left.
  await page.getByRole("combobox", { name: "Topic" }).selectOption({ label: "All topics" });
  await page.getByRole("main").getByRole("searchbox", { name: "Search stories" }).fill("چای");
  await expect(heading).toHaveText("1 story for “چای”");
  await expect(
    page.getByRole("list", { name: "Stories for “چای”" }).getByRole("article"),
  ).toHaveAttribute("dir", "rtl");
  expect(problems).toEqual([]);
});
