/**
 * Asks for a file now, for the code that needs it to pick up when it asks for it too, once:
 * a module (`modulepreload`) or data the app or Pagefind fetches with `fetch()`, a same-origin
 * CORS request the preload must match (`as="fetch"`, `crossorigin`) for the response to be used.
 * Used by the inline start-up script and by the search code.
 */
export function preload(href: string, rel: "modulepreload" | "preload" = "preload"): void {
  for (const link of document.head.querySelectorAll("link")) {
    if (link.getAttribute("href") === href) return;
  }
  const link = document.createElement("link");
  link.rel = rel;
  link.href = href;
  if (rel === "preload") {
    link.as = "fetch";
    link.crossOrigin = "anonymous";
  }
  document.head.append(link);
}
