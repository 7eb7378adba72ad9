/**
 * The `_headers` file that Netlify, Cloudflare Pages and `npm start` read: a strict Content
 * Security Policy (inline code only by hash), and caching — hashed assets and full feed
 * archive pages (never rewritten) forever, HTML and the API revalidated on every visit,
 * images for a day. Cache-Control is set per path and
 * never on `/*`, because hosts merge every matching rule and would join the values.
 */
export function headersFile(hashes: { scripts: string[]; styles: string[] }): string {
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${hashes.scripts.join(" ")}`,
    `style-src 'self' ${hashes.styles.join(" ")}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return `/*
  Content-Security-Policy: ${csp}
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  X-Frame-Options: DENY

/assets/*
  Cache-Control: public, max-age=31536000, immutable

/api/*
  Cache-Control: public, max-age=0, must-revalidate

/archive/*
  Cache-Control: public, max-age=31536000, immutable

/images/*
  Cache-Control: public, max-age=86400, stale-while-revalidate=604800
`;
}
