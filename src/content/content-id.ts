/**
 * Story ids and topic slugs: lowercase letters and digits joined by single hyphens (docs/design.md).
 * Free of zod so the client can use it too: a URL segment that can never name content is
 * "Page not found" without asking the server, and never becomes part of an API path.
 */
export const CONTENT_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const CONTENT_ID_MAX_LENGTH = 120;

export function isContentId(value: string): boolean {
  return value.length <= CONTENT_ID_MAX_LENGTH && CONTENT_ID_PATTERN.test(value);
}
