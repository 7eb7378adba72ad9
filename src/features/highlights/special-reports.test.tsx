import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { specialReportsQuery } from "@/content/api-client";
import { SpecialReports } from "@/features/highlights/special-reports";

function renderSection(list?: { stories: { id: string; headline: string; lang: string }[] }) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  if (list) queryClient.setQueryData(specialReportsQuery().queryKey, { ...list, total: 1 });
  const router = createMemoryRouter([{ path: "*", element: <SpecialReports /> }]);
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return screen.queryByRole("region", { name: "Special Report" });
}

afterEach(() => vi.unstubAllGlobals());

describe("SpecialReports", () => {
  it("is not there while its list is on its way, as on a prerendered story page", () => {
    // A request that never answers: the list stays on its way.
    const fetch = vi.fn(() => new Promise<Response>(() => {}));
    vi.stubGlobal("fetch", fetch);
    expect(renderSection()).toBeNull();
    expect(screen.queryByText(/special report/i)).toBeNull();
    expect(fetch).toHaveBeenCalledOnce();
  });

  it("says there are none when the list is empty", () => {
    const section = renderSection({ stories: [] }) as HTMLElement;
    expect(within(section).getByRole("heading", { level: 2 })).toHaveTextContent("Special Report");
    expect(section).toHaveTextContent("No special reports right now.");
  });

  it("links each special report by its headline", () => {
    const section = renderSection({
      stories: [{ id: "garden", headline: "A year in the garden", lang: "en" }],
    }) as HTMLElement;
    expect(within(section).getByRole("link", { name: "A year in the garden" })).toHaveAttribute(
      "href",
      "/stories/garden",
    );
    expect(section).not.toHaveTextContent(/no special reports/i);
  });

  it("marks each headline with its own language and direction", () => {
    const section = renderSection({
      stories: [
        { id: "tea", headline: "چای در فرهنگ ایرانی", lang: "fa" },
        { id: "garden", headline: "A year in the garden", lang: "en" },
      ],
    }) as HTMLElement;
    const [persian, english] = within(section).getAllByRole("listitem");
    expect(persian).toHaveTextContent("چای در فرهنگ ایرانی");
    expect(persian).toHaveAttribute("lang", "fa");
    expect(persian).toHaveAttribute("dir", "rtl");
    expect(english).toHaveAttribute("lang", "en");
    expect(english).toHaveAttribute("dir", "ltr");
  });
});
