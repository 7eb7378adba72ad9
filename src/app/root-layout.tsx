import { useQuery } from "@tanstack/react-query";
import type { MouseEvent } from "react";
import { Outlet, ScrollRestoration, useNavigation } from "react-router";
import { ConnectionStatus } from "@/app/connection-status";
import { useRouteFocus } from "@/app/use-route-focus";
import { topicsQuery } from "@/content/api-client";
import { BreakingBanner } from "@/features/highlights/breaking-banner";
import { SpecialReports } from "@/features/highlights/special-reports";
import { TextSizeControl } from "@/features/reading-size/text-size-control";
import { Link, NavLink } from "@/shared/link";

const MAIN_ID = "main";
const NAV_ID = "topics-nav";

/**
 * Skip links are plain in-page anchors that work before any script runs; with script, the
 * click moves focus explicitly so the router never treats the hash as a navigation.
 */
function skipTo(id: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    target.focus();
  };
}

export function RootLayout() {
  useRouteFocus();
  const topics = useQuery(topicsQuery()).data ?? [];
  // A page whose data is still on its way keeps the old page in place (no layout jump) and
  // shows a thin bar pinned to the top, outside the flow.
  const loading = useNavigation().state === "loading";
  return (
    <>
      {loading ? <div className="navigation-progress" aria-hidden="true" /> : null}
      <div className="skip-links">
        <a href={`#${MAIN_ID}`} onClick={skipTo(MAIN_ID)}>
          Skip to main content
        </a>
        <a href={`#${NAV_ID}`} onClick={skipTo(NAV_ID)}>
          Skip to navigation
        </a>
      </div>
      <header className="site-header">
        <div className="page-frame flex flex-wrap items-center justify-between gap-x-6 gap-y-3 py-3">
          <Link to="/" className="site-name">
            Dispatch
          </Link>
          <TextSizeControl />
        </div>
        <nav id={NAV_ID} tabIndex={-1} aria-label="Topics">
          <ul className="page-frame flex flex-wrap gap-x-1 gap-y-1 py-1">
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
        </nav>
      </header>
      <ConnectionStatus />
      <BreakingBanner />
      <main
        id={MAIN_ID}
        tabIndex={-1}
        aria-busy={loading}
        className="page-frame pt-6 focus:outline-none"
      >
        <Outlet />
      </main>
      <SpecialReports />
      <footer className="site-footer">
        <div className="page-frame py-8 text-sm">
          <p>
            Dispatch — a news reader. Stories marked “Sample story” are demo content written for
            this project; their photos are generated illustrations.
          </p>
        </div>
      </footer>
      <ScrollRestoration />
    </>
  );
}
