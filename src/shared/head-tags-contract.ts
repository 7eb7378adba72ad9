/**
 * The head elements pages render through React (title, description and head-tags.tsx). A page
 * rendered fresh on the client instead of hydrated drops the prerendered copies first, or
 * React would add its own beside them.
 */
export const PAGE_HEAD_SELECTOR = [
  "title",
  'meta[name="description"]',
  'link[rel="canonical"]',
  'link[rel="alternate"]',
  "meta[property]",
  'meta[name^="twitter:"]',
].join(", ");
