import { onlineManager } from "@tanstack/react-query";
import { act, render } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConnectionStatus } from "@/app/connection-status";

afterEach(() => {
  act(() => onlineManager.setOnline(true));
  vi.useRealTimers();
});

describe("ConnectionStatus", () => {
  it("is an empty polite live region while online", () => {
    const { container } = render(<ConnectionStatus />);
    const region = container.firstElementChild;
    expect(region).toHaveAttribute("aria-live", "polite");
    expect(region).toHaveTextContent("");
  });

  it("announces going offline, then coming back, then falls silent", () => {
    vi.useFakeTimers();
    const { container } = render(<ConnectionStatus />);
    const status = container.firstElementChild as HTMLElement;

    act(() => onlineManager.setOnline(false));
    expect(status).toHaveTextContent(
      /^You are offline\. Pages you have already opened stay readable/,
    );

    act(() => onlineManager.setOnline(true));
    expect(status).toHaveTextContent("You are back online.");

    act(() => vi.advanceTimersByTime(5_000));
    expect(status).toHaveTextContent("");
  });
});
