import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { RootLayout } from "@/app/root-layout";
import { breakingQuery, specialReportsQuery, topicsQuery } from "@/content/api-client";
import { missingInOrder, readAloud, SCREEN_READER_TIMEOUT } from "@/test/screen-reader";

const link = (id: string, headline: string, lang = "en") => ({ id, headline, lang });

function renderLayout() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(topicsQuery().queryKey, [
    { slug: "iran", name: "Iran", description: "" },
    { slug: "science", name: "Science", description: "" },
  ]);
  queryClient.setQueryData(breakingQuery().queryKey, {
    stories: [
      link("storm", "Storm warning for the quay"),
      link("bus", "New bus timetable starts"),
      link("library", "Library reopens"),
      link("ferry", "Ferry returns"),
    ],
    total: 4,
  });
  queryClient.setQueryData(specialReportsQuery().queryKey, {
    stories: [link("garden", "A year in the garden")],
    total: 1,
  });
  const router = createMemoryRouter([
    {
      element: <RootLayout />,
      children: [{ index: true, element: <h1>Breaking News</h1> }],
    },
  ]);
  return render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

// jsdom applies no stylesheet, so the reader also hears what CSS hides by width (the inline
// topic row beside the narrow screens' menu, the banner's second and third stories); the
// e2e specs check which of them a phone and a wide screen show.
describe("RootLayout, read by a screen reader", { timeout: SCREEN_READER_TIMEOUT }, () => {
  it("announces the header: the site name, the four text sizes by name and place, then the Topics menu", async () => {
    const { container } = renderLayout();
    const spoken = await readAloud(container.querySelector("header") as HTMLElement);
    expect(
      missingInOrder(spoken, [
        "banner",
        "link, Dispatch",
        "group, Text size",
        "button, XS extra small, 1 of 4, not pressed",
        "button, SM small, 2 of 4, not pressed",
        "button, MD medium, 3 of 4, pressed",
        "button, LG large, 4 of 4, not pressed",
        "end of group, Text size",
        "navigation, Topics",
        // The menu: a disclosure named by its button, then its links.
        "group",
        "Topics",
        "link, Breaking News, current page",
        "link, Iran",
        "link, Science",
        "end of group",
        "end of navigation, Topics",
        "end of banner",
      ]),
      spoken.join("\n"),
    ).toBeUndefined();
  });

  it("announces the Breaking News banner with its newest stories and a way to the rest", async () => {
    const { container } = renderLayout();
    const banner = container.querySelector("section[aria-labelledby='breaking-label']");
    const spoken = await readAloud(banner as HTMLElement);
    expect(
      missingInOrder(spoken, [
        "region, Breaking News",
        "Breaking News",
        "link, Storm warning for the quay",
        "link, New bus timetable starts",
        "link, Library reopens",
      ]),
      spoken.join("\n"),
    ).toBeUndefined();
    // The fourth waits in the side column, one jump away.
    expect(spoken).not.toContain("link, Ferry returns");
    expect(spoken).toContain("link, More breaking stories");
  });

  it("puts the rest of the breaking stories and the Special Report in a side column after the page", async () => {
    const { container } = renderLayout();
    const spoken = await readAloud(container);
    expect(
      missingInOrder(spoken, [
        "main, not busy",
        "heading, Breaking News, level 1",
        "end of main, not busy",
        "complementary, More stories",
        "region, More breaking stories",
        "link, Ferry returns",
        "region, Special Report",
        "link, A year in the garden",
        "end of complementary, More stories",
        "contentinfo",
      ]),
      spoken.join("\n"),
    ).toBeUndefined();
  });
});
