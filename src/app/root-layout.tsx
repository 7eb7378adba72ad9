import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, type ReactNode, useEffect, useRef } from "react";
import { type Location, Outlet, ScrollRestoration, useLocation, useNavigation } from "react-router";
import { ConnectionStatus } from "@/app/connection-status";
import { useRouteFocus } from "@/app/use-route-focus";
import { topicsQuery } from "@/content/api-client";
import type { Topic } from "@/content/api-types";
import { DataSaverSwitch } from "@/features/data-saver/data-saver-switch";
import { BreakingBanner, MoreBreaking } from "@/features/highlights/breaking-banner";
import { SpecialReports } from "@/features/highlights/special-reports";
import { SiteSearch } from "@/features/search/site-search";
import { TextSizeControl } from "@/features/text-size/text-size-control";
import { InPageLink } from "@/shared/in-page-link";
import { Link, NavLink } from "@/shared/link";
import { liteVersionOf } from "@/shared/lite-paths";

const MAIN_ID = "main";
const NAV_ID = "topics-nav";

/**
 * Where ScrollRestoration files a page's position. React Router names the entry a document
 * was loaded at "default", in every document: a page loaded in full (a link followed before
 * the app had loaded, an address typed) got the position the reader had left another page at,
 * and a story opened halfway down. Such an entry is filed under its address instead, so a
 * reload or Back to it still comes back to the same place.
 */
function scrollKey(location: Location): string {
  return location.key === "default" ? `${location.pathname}${location.search}` : location.key;
}

export function RootLayout() {
  useRouteFocus();
  const topics = useQuery(topicsQuery()).data ?? [];
  // A page whose data is still on its way keeps the old page in place (no layout jump) and
  // shows a thin bar pinned to the top, outside the flow.
  const loading = useNavigation().state === "loading";
  const { pathname } = useLocation();
  // On a phone a story page starts with the story: its banner waits in the side column.
  const storyPage = pathname.startsWith("/stories/");
  const currentStory = storyPage ? pathname.slice("/stories/".length) : undefined;
  // A story page is prerendered without breaking stories or special reports (the root loader
  // does not fetch them: the page must not change when another story is published), so there
  // the banner and the side column's lists would draw nothing, after looking up their queries
  // for every story of the archive. The app draws them once it runs. (`import.meta.env.SSR`
  // is false in the browser's bundle.)
  const prerenderedBare = import.meta.env.SSR && storyPage;
  // Not the app's: followed as a plain link, it loads the lite page itself (scripts/lite).
  const lite = liteVersionOf(pathname);
  return (
    <div className={storyPage ? "site-layout story-layout" : "site-layout"}>
      <link rel="alternate" href={lite} title="Lite version" />
      {loading ? <div className="navigation-progress" aria-hidden="true" /> : null}
      <div className="skip-links print:hidden">
        <InPageLink target={MAIN_ID}>Skip to main content</InPageLink>
        <InPageLink target={NAV_ID}>Skip to navigation</InPageLink>
      </div>
      <header className="site-header print:hidden">
        <div className="page-frame header-bar">
          <Link to="/" className="site-name">
            Dispatch
          </Link>
          <DataSaverSwitch place="bar" />
          <TextSizeControl />
        </div>
        <div className="page-frame header-row">
          <nav id={NAV_ID} tabIndex={-1} aria-label="Topics" className="topics-nav">
            <HeaderMenu label="Topics" className="topics-menu" pathname={pathname}>
              <TopicLinks topics={topics} className="topics-menu-list" />
              <DataSaverSwitch place="menu" />
            </HeaderMenu>
            <TopicLinks topics={topics} className="topics-inline" />
          </nav>
          <HeaderMenu label="Search" className="search-menu" pathname={pathname}>
            <SiteSearch />
          </HeaderMenu>
          <NavLink to="/saved" className="nav-link">
            Saved
          </NavLink>
        </div>
      </header>
      <ConnectionStatus />
      {prerenderedBare ? null : <BreakingBanner />}
      <div className="page-frame page-columns">
        <main id={MAIN_ID} tabIndex={-1} aria-busy={loading} className="focus:outline-none">
          <Outlet />
        </main>
        <aside aria-label="More stories" className="side-column print:hidden">
          {prerenderedBare ? null : <MoreBreaking currentStory={currentStory} />}
          {prerenderedBare ? null : <SpecialReports />}
        </aside>
      </div>
      <footer className="site-footer print:hidden">
        <div className="page-frame py-8 text-sm">
          <p>
            Dispatch — a news reader. Stories marked “Sample story” are demo content written for
            this project; their photos are generated illustrations.
          </p>
          <p className="mt-2">
            <a href={lite}>Lite version</a>: text first, images on request, for slow or metered
            connections.
          </p>
        </div>
      </footer>
      <ScrollRestoration getKey={scrollKey} />
    </div>
  );
}

/**
 * On narrow screens the topics and the search box wait behind a "Topics" and a "Search"
 * button: a native disclosure, so it opens without JavaScript, from the keyboard, and says
 * "collapsed"/"expanded" to a screen reader. With script it also closes on Escape and on the
 * way to another page (a topic picked, a search made).
 */
function HeaderMenu({
  label,
  className,
  pathname,
  children,
}: {
  label: string;
  className: string;
  pathname: string;
  children: ReactNode;
}) {
  const menu = useRef<HTMLDetailsElement>(null);
  // A new page closes the menu; the first render does not: a reader who opened it before the
  // app took over (the tap that starts the app) keeps it open.
  const shownOn = useRef(pathname);
  useEffect(() => {
    if (shownOn.current !== pathname && menu.current) menu.current.open = false;
    shownOn.current = pathname;
  }, [pathname]);
  const closeOnEscape = (event: KeyboardEvent<HTMLDetailsElement>) => {
    const details = menu.current;
    if (event.key !== "Escape" || !details?.open) return;
    details.open = false;
    details.querySelector("summary")?.focus();
  };
  return (
    <details ref={menu} className={className} onKeyDown={closeOnEscape}>
      <summary className="topics-menu-button">{label}</summary>
      {children}
    </details>
  );
}

/** The topic links; the wide-screen row and the narrow-screen menu each show one copy. */
function TopicLinks({ topics, className }: { topics: Topic[]; className: string }) {
  return (
    <ul className={className}>
      <li>
        <NavLink to="/" end className="nav-link">
          Breaking News
        </NavLink>
      </li>
      {topics.map((topic) => (
        <li key={topic.slug}>
          <NavLink to={`/topics/${topic.slug}`} className="nav-link">
            {topic.name}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
