import type { Page } from "@playwright/test";

/**
 * Layout checks that run inside the page. Each returns a readable line per problem, so a
 * failing test says which element and by how much. Text that is visually hidden on purpose
 * (`sr-only`: 1 x 1 px, clipped) and the skip links parked above the page are not "text a
 * reader sees", so they are left out.
 */

/**
 * Text a reader cannot read whole, in one pass over the page (each `page.evaluate` function
 * is sent to the page on its own, so the two checks share one function and one helper):
 *
 * - `clipped`: elements that clip their overflow (overflow other than visible) and cut text off.
 * - `overlapping`: pairs of text runs from different text nodes whose boxes overlap. A little
 *   overlap of the boxes is normal (a font's ascent and descent can exceed a tight line
 *   height), so a pair counts when the runs share more than 30% of the shorter one's height.
 */
export function unreadableText(page: Page): Promise<{ clipped: string[]; overlapping: string[] }> {
  return page.evaluate(() => {
    const visuallyHidden = (element: Element): boolean => {
      for (let e: Element | null = element; e; e = e.parentElement) {
        const box = e.getBoundingClientRect();
        if (getComputedStyle(e).position === "absolute" && box.width <= 1 && box.height <= 1) {
          return true;
        }
      }
      return false;
    };

    const clipped: string[] = [];
    for (const element of document.body.querySelectorAll<HTMLElement>("*")) {
      const style = getComputedStyle(element);
      const clipsX = style.overflowX !== "visible";
      const clipsY = style.overflowY !== "visible";
      if (!clipsX && !clipsY) continue;
      if (!element.textContent?.trim() || visuallyHidden(element)) continue;
      const cutX = clipsX && element.scrollWidth > element.clientWidth + 1;
      const cutY = clipsY && element.scrollHeight > element.clientHeight + 1;
      if (cutX || cutY) {
        clipped.push(
          `<${element.tagName.toLowerCase()} class="${element.className}"> "${element.textContent.trim().slice(0, 40)}" clips its text: scroll ${element.scrollWidth}x${element.scrollHeight}, client ${element.clientWidth}x${element.clientHeight}`,
        );
      }
    }

    type Run = { node: Text; left: number; top: number; right: number; bottom: number };
    const runs: Run[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const parent = node.parentElement;
      if (!node.data.trim() || !parent || visuallyHidden(parent)) continue;
      if (getComputedStyle(parent).visibility !== "visible") continue;
      // Not drawn at all (display: none, or inside a closed <details> such as the Topics
      // menu), though the browser can still lay it out when asked for its boxes.
      if (!parent.checkVisibility()) continue;
      range.selectNodeContents(node);
      for (const box of range.getClientRects()) {
        // Above the document: the skip links waiting for focus.
        if (box.width < 1 || box.height < 1 || box.bottom + window.scrollY <= 0) continue;
        runs.push({
          node,
          left: box.left + window.scrollX,
          top: box.top + window.scrollY,
          right: box.right + window.scrollX,
          bottom: box.bottom + window.scrollY,
        });
      }
    }
    runs.sort((a, b) => a.top - b.top);
    const overlapping: string[] = [];
    for (let i = 0; i < runs.length; i++) {
      const a = runs[i] as Run;
      for (let j = i + 1; j < runs.length; j++) {
        const b = runs[j] as Run;
        if (b.top >= a.bottom) break;
        if (a.node === b.node) continue;
        const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        const shorter = Math.min(a.bottom - a.top, b.bottom - b.top);
        if (width > 2 && height > 0.3 * shorter) {
          overlapping.push(
            `"${a.node.data.trim().slice(0, 30)}" overlaps "${b.node.data.trim().slice(0, 30)}" by ${width.toFixed(0)}x${height.toFixed(0)} px`,
          );
        }
      }
    }
    return { clipped, overlapping };
  });
}

/**
 * Elements a reader would have to scroll sideways to see, or could not reach at all (past
 * the start edge, where no scrollbar goes).
 */
export function outsideViewport(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    for (const element of document.body.querySelectorAll<HTMLElement>("*")) {
      const box = element.getBoundingClientRect();
      if (box.width <= 1 && box.height <= 1) continue;
      if (!element.checkVisibility()) continue;
      if (box.right > width + 1 || box.left < -1) {
        problems.push(
          `<${element.tagName.toLowerCase()} class="${element.className}"> spans ${box.left.toFixed(0)}..${box.right.toFixed(0)} of a ${width}px viewport`,
        );
      }
    }
    return problems;
  });
}

/** Transitions and animations anywhere in the page (pseudo-elements included) over 10 ms. */
export function motionOver10ms(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seconds = (list: string) =>
      Math.max(
        ...list.split(",").map((value) => {
          const number = Number.parseFloat(value);
          return value.trim().endsWith("ms") ? number / 1000 : number;
        }),
      );
    const problems: string[] = [];
    for (const element of document.querySelectorAll("*")) {
      for (const pseudo of [null, "::before", "::after"]) {
        const style = getComputedStyle(element, pseudo);
        const name = `<${element.tagName.toLowerCase()}>${pseudo ?? ""}`;
        if (style.transitionProperty !== "none" && seconds(style.transitionDuration) > 0.01) {
          problems.push(`${name} transition ${style.transitionDuration}`);
        }
        if (style.animationName !== "none" && seconds(style.animationDuration) > 0.01) {
          problems.push(`${name} animation ${style.animationDuration}`);
        }
      }
    }
    for (const animation of document.getAnimations()) {
      const duration = Number(animation.effect?.getComputedTiming().duration ?? 0);
      if (animation.playState === "running" && duration > 10) {
        problems.push(`running animation of ${duration} ms`);
      }
    }
    if (getComputedStyle(document.documentElement).scrollBehavior !== "auto") {
      problems.push("smooth scrolling");
    }
    return problems;
  });
}

/** The WCAG 1.4.12 text-spacing overrides, as a user style sheet would apply them. */
export const TEXT_SPACING_CSS = `
  *, *::before, *::after {
    line-height: 1.5 !important;
    letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important;
  }
  p { margin-bottom: 2em !important; }
`;

/** WCAG relative luminance contrast of two CSS colours (rgb()/rgba() as computed). */
export function contrastRatio(foreground: string, background: string): number {
  const luminance = (color: string) => {
    const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const channel = (value: number) => {
      const c = value / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
