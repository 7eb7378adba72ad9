import { onlineManager } from "@tanstack/react-query";
import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConnectionStatus } from "@/app/connection-status";

afterEach(() => {
  act(() => onlineManager.setOnline(true));
  vi.useRealTimers();
});

describe("ConnectionStatus", () => {
  it("is an empty live region while online", () => {
    render(<ConnectionStatus />);
    expect(screen.getByRole("status")).toHaveTextContent("");
  });

  it("announces going offline, then coming back, then falls silent", () => {
    vi.useFakeTimers();
    render(<ConnectionStatus />);
    const status = screen.getByRole("status");

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
