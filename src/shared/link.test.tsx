import { fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider, useLocation } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppLink, Link, NavLink, PrerenderedLink } from "@/shared/link";

function Page({ onClick }: { onClick?: React.MouseEventHandler<HTMLAnchorElement> }) {
  const { pathname } = useLocation();
  return (
    <>
      <h1>Page {pathname}</h1>
      <Link to="/stories/alpha" onClick={onClick}>
        Alpha
      </Link>
      <nav aria-label="Topics">
        <NavLink to="/" end>
          Breaking News
        </NavLink>
        <NavLink to="/topics/iran">Iran</NavLink>
      </nav>
    </>
  );
}

function renderAt(path: string, onClick?: React.MouseEventHandler<HTMLAnchorElement>) {
  const router = createMemoryRouter([{ path: "*", element: <Page onClick={onClick} /> }], {
    initialEntries: [path],
  });
  render(<RouterProvider router={router} />);
  return router;
}

describe("Link", () => {
  it("is a real link to the address, so it works without script and in a new tab", () => {
    renderAt("/");
    expect(screen.getByRole("link", { name: "Alpha" })).toHaveAttribute("href", "/stories/alpha");
  });

  it("follows a plain click inside the app", async () => {
    const router = renderAt("/");
    await userEvent.click(screen.getByRole("link", { name: "Alpha" }));
    expect(router.state.location.pathname).toBe("/stories/alpha");
    expect(screen.getByRole("heading", { name: "Page /stories/alpha" })).toBeInTheDocument();
  });

  it("leaves a modified click (new tab, new window) to the browser", () => {
    const router = renderAt("/");
    const link = screen.getByRole("link", { name: "Alpha" });
    // Record whether the app cancelled the click, then cancel it for jsdom, which cannot
    // open a new tab.
    const leftToBrowser: boolean[] = [];
    const afterApp = (event: MouseEvent) => {
      leftToBrowser.push(!event.defaultPrevented);
      event.preventDefault();
    };
    window.addEventListener("click", afterApp);
    for (const modifier of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }]) {
      fireEvent.click(link, modifier);
    }
    expect(router.state.location.pathname).toBe("/");
    fireEvent.click(link);
    window.removeEventListener("click", afterApp);
    expect(leftToBrowser).toEqual([true, true, true, false]);
  });

  it("runs its own click handler first, and stays put when that handler cancels the click", async () => {
    const onClick = vi.fn((event: React.MouseEvent) => event.preventDefault());
    const router = renderAt("/", onClick);
    await userEvent.click(screen.getByRole("link", { name: "Alpha" }));
    expect(onClick).toHaveBeenCalledOnce();
    expect(router.state.location.pathname).toBe("/");
  });
});

/** Every kind of address the app links to. */
const ADDRESSES = [
  "/",
  "/topics/iran",
  "/stories/alpha-2026",
  "/saved",
  "/search?q=tehran%20bazaar",
  "/stories/alpha#comments",
];

/** Each address linked by one kind of link, in a box named `name`. */
function linksOf(Component: typeof AppLink, name: string) {
  return (
    <div data-testid={name}>
      {ADDRESSES.map((to) => (
        <Component key={to} to={to} className="nav-link" target="_self" aria-current="page">
          {to}
        </Component>
      ))}
    </div>
  );
}

describe("a prerendered link", () => {
  it("is the same markup the app draws over it, for every kind of address the app links to", () => {
    const router = createMemoryRouter(
      [
        {
          path: "*",
          element: (
            <>
              {linksOf(AppLink, "app")}
              {linksOf(PrerenderedLink, "prerendered")}
            </>
          ),
        },
      ],
      { initialEntries: ["/stories/somewhere/deep"] },
    );
    render(<RouterProvider router={router} />);
    const app = screen.getByTestId("app").innerHTML;
    expect(app).toContain('href="/search?q=tehran%20bazaar"');
    expect(screen.getByTestId("prerendered").innerHTML).toBe(app);
  });
});

describe("a link in a build for a base path", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("is under the base, prerendered and drawn by the router alike, and lands inside the app", async () => {
    vi.stubEnv("BASE_URL", "/mirror/news/");
    vi.resetModules();
    const { AppLink: App, PrerenderedLink: Prerendered } = await import("@/shared/link");
    const router = createMemoryRouter(
      [
        {
          path: "*",
          element: (
            <>
              <Page />
              {linksOf(App, "app")}
              {linksOf(Prerendered, "prerendered")}
            </>
          ),
        },
      ],
      { initialEntries: ["/mirror/news/stories/somewhere"], basename: "/mirror/news/" },
    );
    render(<RouterProvider router={router} />);
    const app = screen.getByTestId("app").innerHTML;
    expect(app).toContain('href="/mirror/news/"');
    expect(app).toContain('href="/mirror/news/search?q=tehran%20bazaar"');
    expect(screen.getByTestId("prerendered").innerHTML).toBe(app);
    await userEvent.click(screen.getAllByRole("link", { name: "/topics/iran" })[0] as HTMLElement);
    expect(router.state.location.pathname).toBe("/mirror/news/topics/iran");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Page /topics/iran");
  });
});

describe("NavLink", () => {
  it("marks only the front page as current on the front page", () => {
    renderAt("/");
    expect(screen.getByRole("link", { name: "Breaking News" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    expect(screen.getByRole("link", { name: "Iran" })).not.toHaveAttribute("aria-current");
  });

  it("marks the topic as current on the topic's page, and the front page (end) as not", () => {
    renderAt("/topics/iran");
    expect(screen.getByRole("link", { name: "Iran" })).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("link", { name: "Breaking News" })).not.toHaveAttribute("aria-current");
  });

  it("follows the reader to a new page and moves the current mark with them", async () => {
    renderAt("/");
    await userEvent.click(screen.getByRole("link", { name: "Iran" }));
    expect(screen.getByRole("link", { name: "Iran" })).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("link", { name: "Breaking News" })).not.toHaveAttribute("aria-current");
  });
});
