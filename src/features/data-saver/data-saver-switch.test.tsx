import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { DataSaverSwitch } from "@/features/data-saver/data-saver-switch";
import { DATA_SAVER_STORAGE_KEY, setDataSaver } from "@/shared/data-saver";

beforeEach(() => {
  localStorage.clear();
  document.documentElement.removeAttribute("data-data-saver");
});

describe("the Data saver switch", () => {
  it("is a switch named Data saver, beside a link to the lite front page for browsers without script", () => {
    render(<DataSaverSwitch place="bar" />);
    expect(screen.getByRole("switch", { name: "Data saver" })).toHaveAttribute(
      "aria-checked",
      "false",
    );
    expect(screen.getByRole("link", { name: "Data saver" })).toHaveAttribute("href", "/lite/");
  });

  it("turns the mode on and off from the keyboard, remembered, and follows a change made elsewhere", async () => {
    const user = userEvent.setup();
    render(<DataSaverSwitch place="menu" />);
    const toggle = screen.getByRole("switch", { name: "Data saver" });
    toggle.focus();
    await user.keyboard(" ");
    expect(toggle).toHaveAttribute("aria-checked", "true");
    expect(document.documentElement).toHaveAttribute("data-data-saver");
    expect(localStorage.getItem(DATA_SAVER_STORAGE_KEY)).toBe("on");
    await user.keyboard("{Enter}");
    expect(toggle).toHaveAttribute("aria-checked", "false");
    expect(localStorage.getItem(DATA_SAVER_STORAGE_KEY)).toBe("off");
    // The other copy of the switch (bar or menu) turned it on.
    act(() => setDataSaver(true));
    expect(toggle).toHaveAttribute("aria-checked", "true");
  });
});
