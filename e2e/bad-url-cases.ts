import { SEED_STORY } from "./page-types.ts";

/**
 * Addresses a reader might type, paste or be sent, and where each must end: the right content
 * at its canonical address, or "Page not found" with a way home. bad-urls.spec.ts follows each
 * in the browser; hosting.spec.ts checks what each server answers for it.
 */

const SEED_ID = SEED_STORY.replace(/^\/stories\//, "");
export const SEED_HEADLINE =
  "Iran's president commits to deeper ties with Russia as Shoigu visits Tehran";
export const NOT_FOUND = "Page not found";

export type BadUrlCase = {
  path: string;
  /** Where the reader ends up (path and query), when not where they started. */
  lands?: string;
  heading: string;
  /** Stories listed in the feed on that page, if it is a feed. */
  stories?: number | "all";
};

export const BAD_URL_CASES: BadUrlCase[] = [
  { path: "/stories/no-such-story", heading: NOT_FOUND },
  { path: "/stories/NO-SUCH-STORY", lands: "/stories/no-such-story", heading: NOT_FOUND },
  { path: "/topics/no-such-topic", heading: NOT_FOUND },
  { path: "/no/such/page", heading: NOT_FOUND },
  { path: "/stories/", lands: "/stories", heading: NOT_FOUND },
  { path: "/topics/", lands: "/topics", heading: NOT_FOUND },
  // Path tricks: never fetched, never rendered as something else, never another site.
  { path: "/stories/..%2F..%2Fapi%2Ftopics", heading: NOT_FOUND },
  { path: "/stories/%3Cscript%3Ealert(1)%3C%2Fscript%3E", heading: NOT_FOUND },
  { path: `/stories/${"a".repeat(2000)}`, heading: NOT_FOUND },
  { path: "//evil.example/", lands: "/evil.example", heading: NOT_FOUND },
  { path: "//evil.example/topics/iran/", lands: "/evil.example/topics/iran", heading: NOT_FOUND },
  { path: "//topics/iran/", lands: "/topics/iran", heading: "Iran", stories: 10 },
  // Trailing slashes and mixed case reach the page at its one address.
  { path: "/topics/iran/", lands: "/topics/iran", heading: "Iran", stories: 10 },
  { path: "/Topics/Iran", lands: "/topics/iran", heading: "Iran", stories: 10 },
  { path: "/TOPICS/IRAN/?page=2", lands: "/topics/iran?page=2", heading: "Iran", stories: "all" },
  { path: `${SEED_STORY}/`, lands: SEED_STORY, heading: SEED_HEADLINE },
  {
    path: `/stories/${SEED_ID.toUpperCase()}`,
    lands: SEED_STORY,
    heading: SEED_HEADLINE,
  },
  { path: `/Stories/${SEED_ID}`, lands: SEED_STORY, heading: SEED_HEADLINE },
];

// `?page=` on the front page and on a topic: nonsense shows the first page; too many shows all.
for (const [feed, heading] of [
  ["/", "Breaking News"],
  ["/topics/iran", "Iran"],
] as const) {
  for (const value of ["abc", "0", "-1", "1e9", "2.5", ""]) {
    BAD_URL_CASES.push({ path: `${feed}?page=${value}`, lands: feed, heading, stories: 10 });
  }
  BAD_URL_CASES.push({ path: `${feed}?page=99999`, heading, stories: "all" });
}

/**
 * What the server itself answers, before any app runs: a page it has a file for (after its
 * one redirect, which drops a trailing slash and collapses leading slashes), or the 404 page.
 * Mixed case gets the 404 page, which the app then corrects to the page's address.
 */
export function servedStatus({ path, lands, heading }: BadUrlCase): 200 | 404 {
  const requested = (path.split("?")[0] ?? "").replace(/^\/+/, "/").replace(/(.)\/+$/, "$1");
  const canonical = (lands ?? path).split("?")[0];
  return heading !== NOT_FOUND && requested === canonical ? 200 : 404;
}
