/**
 * Every page has one address: lowercase (ids and slugs are lowercase by contract), no
 * trailing slash, no empty segments. A typed `/Topics/Iran/` is replaced by `/topics/iran`
 * rather than shown as "Page not found". Returns undefined when `pathname` already is the
 * canonical form.
 *
 * Collapsing empty segments also means the result never starts with `//`, which a router
 * would follow as a protocol-relative URL to another site.
 */
export function canonicalPath(pathname: string): string | undefined {
  const canonical = `/${pathname.split("/").filter(Boolean).join("/")}`
    .toLowerCase()
    // Percent-escapes keep the uppercase hex digits RFC 3986 calls normal; they name no content.
    .replace(/%[0-9a-f]{2}/g, (hex) => hex.toUpperCase());
  return canonical === pathname ? undefined : canonical;
}
