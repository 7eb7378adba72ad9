import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import {
  BREAKING_FEED,
  type FeedChunk,
  type Photo,
  type StoryPage,
  type StorySummary,
  type Topic,
} from "../../src/content/api-types.ts";
import { textDirection } from "../../src/content/text-direction.ts";
import { StoryBlocks } from "../../src/features/story/story-blocks.tsx";
import { TEXT_SIZES } from "../../src/features/text-size/text-size.ts";
import { captionPrefixes } from "../../src/shared/caption-prefixes.ts";
import { feedPagePath } from "../../src/shared/feed-paths.ts";
import { formatStoryTime, shortStoryTime } from "../../src/shared/format-time.ts";
import { litePath, siteHref } from "../../src/shared/lite-paths.ts";
import { absoluteUrl, DEFAULT_SITE_URL, SITE_NAME } from "../../src/shared/site-url.ts";
import { kilobytes, litePhotoPath } from "./lite-photo.ts";
import { LITE_STYLE } from "./lite-style.ts";

/**
 * The lite pages (docs/design.md#lite-pages): plain HTML rendered with React's static markup,
 * so every story text is escaped as text; no script file, no font, no image until the reader
 * follows a photo's link. Every address goes through src/shared/lite-paths.ts.
 */

/** The site's origin, for the canonical link, as on full pages (src/shared/head-tags.tsx). */
const SITE_URL = import.meta.env.SITE_URL ?? DEFAULT_SITE_URL;

/** What a page needs besides its data: the text-size script, photo sizes. */
export type LiteContext = {
  /** The full site's inline script that applies the remembered text size (before paint). */
  textSizeScript: string;
  /** The byte size of a file of the site (`/images/x-640.jpg`). */
  fileSize(path: string): number;
};

type DocumentProps = {
  title: string;
  description: string;
  /** The full page's address: this page's canonical link and its "Full version" link. */
  fullPath: string;
  context: LiteContext;
  children: ReactNode;
};

function LiteDocument({ title, description, fullPath, context, children }: DocumentProps) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={description} />
        {/* No icon: otherwise the browser asks for /favicon.ico, and gets the 404 page. */}
        <link rel="icon" href="data:," />
        <link rel="canonical" href={absoluteUrl(SITE_URL, fullPath)} />
        <link rel="alternate" href={siteHref(fullPath)} title="Full version" />
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the build's compiled code, never content */}
        <script dangerouslySetInnerHTML={{ __html: context.textSizeScript }} />
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the build's stylesheet, never content */}
        <style dangerouslySetInnerHTML={{ __html: LITE_STYLE }} />
      </head>
      <body>
        {TEXT_SIZES.map(({ value }) => (
          <span key={value} id={`size-${value}`} />
        ))}
        <div className="page">
          <a className="skip" href="#main">
            Skip to main content
          </a>
          <header>
            <p>
              <a href={siteHref(litePath.front())}>{SITE_NAME} lite</a> ·{" "}
              <a href={siteHref(fullPath)}>Full version</a>
            </p>
            <nav aria-label="Text size" className="sizes">
              Text size:{" "}
              {TEXT_SIZES.map(({ value, label, name }) => (
                <a key={value} href={`#size-${value}`}>
                  {label}
                  <span className="vh"> ({name})</span>
                </a>
              ))}
            </nav>
          </header>
          <main id="main">{children}</main>
          <footer>
            <search>
              <form method="get" action={siteHref("/search")}>
                <label htmlFor="q">Search stories</label> <input id="q" name="q" type="search" />{" "}
                <button type="submit">Search</button>
              </form>
            </search>
          </footer>
        </div>
      </body>
    </html>
  );
}

const render = (page: ReactNode) => `<!doctype html>${renderToStaticMarkup(page)}`;

function Time({ iso, lang, short = false }: { iso: string; lang: string; short?: boolean }) {
  return (
    <time dateTime={iso}>
      {short ? shortStoryTime(iso, lang) : formatStoryTime(iso, lang).full}
    </time>
  );
}

function LitePhoto({ photo, lang, context }: { photo: Photo; lang: string; context: LiteContext }) {
  const file = litePhotoPath(photo);
  const prefixes = captionPrefixes(lang);
  return (
    <figure>
      <a href={siteHref(file)} lang="en" dir="ltr">
        Show image, {kilobytes(context.fileSize(file))}
        <span className="vh">: {photo.alt}</span>
      </a>
      {photo.caption ? (
        <figcaption>
          <span className="vh">{prefixes.caption}</span>
          {photo.caption}
        </figcaption>
      ) : null}
      {photo.credit ? (
        <p className="credit">
          <span className="vh">{prefixes.credit}</span>
          {photo.credit}
        </p>
      ) : null}
    </figure>
  );
}

/** `/lite/stories/<id>`: the story's text, its photos as links, its neighbours. */
export function liteStoryPage(data: StoryPage, context: LiteContext): string {
  const { story, previous, next } = data;
  const { lang } = story;
  const dir = textDirection(lang);
  const neighbours = [
    previous && { label: "Newer story", link: previous },
    next && { label: "Older story", link: next },
  ].filter((item) => item !== null);
  return render(
    <LiteDocument
      title={`${story.headline} — ${SITE_NAME} lite`}
      description={story.summary}
      fullPath={`/stories/${story.id}`}
      context={context}
    >
      <article lang={lang} dir={dir}>
        <h1>{story.headline}</h1>
        <p className="meta">
          <Time iso={story.publishedAt} lang={lang} />
          {story.byline ? ` · ${story.byline}` : null}
        </p>
        <p className="lead">{story.summary}</p>
        {story.photo ? <LitePhoto photo={story.photo} lang={lang} context={context} /> : null}
        <StoryBlocks
          blocks={story.body}
          lang={lang}
          dir={dir}
          photoAbove={Boolean(story.photo)}
          renderPhoto={(photo) => <LitePhoto photo={photo} lang={lang} context={context} />}
        />
      </article>
      {neighbours.length > 0 ? (
        <nav aria-label="More stories">
          <ul>
            {neighbours.map(({ label, link }) => (
              <li key={label}>
                {label}:{" "}
                <a
                  href={siteHref(litePath.story(link.id))}
                  lang={link.lang}
                  dir={textDirection(link.lang)}
                >
                  {link.headline}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </LiteDocument>,
  );
}

export type LiteListPage = {
  feed: string;
  /** The feed's name: "Breaking News" or the topic's. */
  title: string;
  /** The archive page shown, or undefined for the feed's newest headlines. */
  page?: number;
  /** The head and archive pages shown, newer to older. */
  chunks: FeedChunk[];
  /** Every topic, each a link to its lite page. */
  topics: readonly Topic[];
};

/** A feed's lite page: its headlines with their time, and a link to the older ones. */
export function liteListPage(
  { feed, title, page, chunks, topics }: LiteListPage,
  context: LiteContext,
) {
  const stories: StorySummary[] = chunks.flatMap((chunk) => chunk.stories);
  const older = chunks.at(-1)?.next ?? null;
  const heading = page === undefined ? title : `${title}: older stories, page ${page}`;
  const fullPath = feedPagePath(feed);
  return render(
    <LiteDocument
      title={`${heading} — ${SITE_NAME} lite`}
      description={`${title}: the headlines, text only, for slow and metered connections.`}
      fullPath={fullPath}
      context={context}
    >
      <h1>{heading}</h1>
      <ul className="list">
        {stories.map((story) => (
          <li key={story.id}>
            <a
              href={siteHref(litePath.story(story.id))}
              lang={story.lang}
              dir={textDirection(story.lang)}
            >
              {story.headline}
            </a>
            <br />
            <span className="meta">
              <Time iso={story.publishedAt} lang="en" short />
            </span>
          </li>
        ))}
      </ul>
      {older !== null ? (
        <p>
          <a href={siteHref(litePath.archive(feed, older))}>Older stories</a>
        </p>
      ) : null}
      {page !== undefined ? (
        <p>
          <a href={siteHref(litePath.feed(feed))}>Newest stories</a>
        </p>
      ) : null}
      <nav aria-label="Topics" className="topics">
        <h2>Topics</h2>
        {[{ slug: BREAKING_FEED, name: "Breaking News" }, ...topics]
          .filter((topic) => topic.slug !== feed)
          .map((topic) => (
            <a key={topic.slug} href={siteHref(litePath.feed(topic.slug))}>
              {topic.name}
            </a>
          ))}
      </nav>
    </LiteDocument>,
  );
}
