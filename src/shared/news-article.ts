import type { NewsArticle, Organization, Person, WithContext } from "schema-dts";
import type { Story } from "@/content/schema";
import { shareImage } from "@/shared/share-image";
import { absoluteUrl, SITE_NAME } from "@/shared/site-url";

/**
 * The story as schema.org `NewsArticle` JSON-LD, the structured data search engines read for
 * article results. Typed with schema-dts, so a misspelt or mistyped property is a type error.
 */
export function newsArticle(
  story: Story & { lang: string },
  section: string | undefined,
  siteUrl: string,
): WithContext<NewsArticle> {
  const url = absoluteUrl(siteUrl, `/stories/${story.id}`);
  const publisher: Organization = { "@type": "Organization", name: SITE_NAME, url: siteUrl };
  const article: WithContext<NewsArticle> = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": url,
    url,
    mainEntityOfPage: url,
    headline: story.headline,
    description: story.summary,
    datePublished: story.publishedAt,
    dateModified: story.updatedAt ?? story.publishedAt,
    inLanguage: story.lang,
    author: story.byline ? bylineAuthor(story.byline) : publisher,
    publisher,
  };
  if (section !== undefined) article.articleSection = section;
  if (story.photo) {
    const image = shareImage(story.photo);
    article.image = {
      "@type": "ImageObject",
      url: absoluteUrl(siteUrl, image.path),
      width: { "@type": "QuantitativeValue", value: image.width, unitCode: "E37" },
      height: { "@type": "QuantitativeValue", value: image.height, unitCode: "E37" },
      caption: story.photo.caption ?? story.photo.alt,
    };
  }
  return article;
}

/**
 * Bylines name a person ("By Jane Doe") or a desk or agency ("VOA News"); docs/design.md writes
 * people with a leading "By", which is not part of their name.
 */
function bylineAuthor(byline: string): Person | Organization {
  const person = byline.match(/^by\s+(.+)$/is)?.[1];
  return person ? { "@type": "Person", name: person } : { "@type": "Organization", name: byline };
}
