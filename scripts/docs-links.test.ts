/**
 * The README and docs/ name files of this repository, in links and in backticks, and say how
 * things work by pointing at the file whose comment explains them. A file renamed or deleted
 * without its docs leaves a pointer to nothing; this test names each one. It checks:
 * - every relative link (`[text](docs/api.md)`, `[text](../src/x.ts#heading)`) resolves to a file
 *   or folder, and a `#heading` in it to a heading of that Markdown file;
 * - every path in backticks or a code block whose first folder is one the repository holds
 *   (`scripts/x/y.ts`, `src/features/`, `e2e/a.spec.ts:12`) exists. Globs and placeholders
 *   (`scripts/**\/*.crash.test.ts`, `data/stories/<id>.json`) are not paths, and names under
 *   folders the build or the tools make (`dist/`, `.cache/`, `bench/`) are what they produce;
 * - the README stays an index: at most 200 lines.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const README_MAX_LINES = 200;

/** The folders at the root that hold committed files: a path starting elsewhere is not checked. */
const REPOSITORY_FOLDERS = new Set(
  execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" })
    .split("\n")
    .filter((file) => file.includes("/"))
    .map((file) => file.slice(0, file.indexOf("/"))),
);

const DOCS = [
  "README.md",
  ...readdirSync(path.join(ROOT, "docs"), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".md"))
    .map((file) => path.join("docs", file))
    .sort(),
];

type Reference = { line: number; text: string; problem?: string };

/** Splits a Markdown file into prose and code (fenced blocks and inline code spans). */
function scan(markdown: string) {
  const prose: { line: number; text: string }[] = [];
  const code: { line: number; text: string }[] = [];
  let fenced = false;
  markdown.split("\n").forEach((text, index) => {
    const line = index + 1;
    if (/^\s*(```|~~~)/.test(text)) {
      fenced = !fenced;
      return;
    }
    if (fenced) {
      code.push({ line, text });
      return;
    }
    for (const span of text.matchAll(/`([^`]+)`/g)) code.push({ line, text: span[1] ?? "" });
    // Code is not a link: "[`x.ts`](x.ts)" keeps its link, "`[a](b)`" is an example.
    prose.push({ line, text: text.replace(/`[^`]*`/g, "") });
  });
  return { prose, code };
}

/** GitHub's anchor for a heading: lowercase, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");
}

function anchors(file: string): Set<string> {
  const found = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const text of readFileSync(file, "utf8").split("\n")) {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    const heading = !fenced && /^#{1,6}\s+(.*)$/.exec(text);
    if (!heading) continue;
    const base = slug(heading[1] ?? "");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    found.add(count === 0 ? base : `${base}-${count}`);
  }
  return found;
}

function checkLink(doc: string, target: string): string | undefined {
  const [filePart = "", anchor] = target.split("#");
  const file =
    filePart === "" ? path.join(ROOT, doc) : path.resolve(ROOT, path.dirname(doc), filePart);
  if (!file.startsWith(ROOT + path.sep)) return "points outside the repository";
  if (!existsSync(file)) return "no such file or folder";
  if (anchor && file.endsWith(".md") && !anchors(file).has(anchor)) return `no heading #${anchor}`;
  return undefined;
}

/** A word of code that is meant as a repository path, or undefined. */
function repositoryPath(word: string): string | undefined {
  const candidate = word
    .replace(/^[("'[]+/, "")
    .replace(/[)"',;.\]]+$/, "")
    .replace(/:\d+(-\d+)?$/, "");
  if (!candidate.includes("/") || /[<>*?{}[\]$=…]/.test(candidate)) return undefined;
  if (!/^[\w.@-]+(\/[\w.@-]+)*\/?$/.test(candidate)) return undefined;
  const first = candidate.slice(0, candidate.indexOf("/"));
  // `../shared/DESIGN.md`: a path up from the root names a file the reader's clone lacks.
  return REPOSITORY_FOLDERS.has(first) || /^\.\.\/./.test(candidate) ? candidate : undefined;
}

function references(doc: string): Reference[] {
  const { prose, code } = scan(readFileSync(path.join(ROOT, doc), "utf8"));
  const found: Reference[] = [];
  for (const { line, text } of prose) {
    for (const link of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const target = link[1] ?? "";
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      found.push({ line, text: target, problem: checkLink(doc, target) });
    }
  }
  for (const { line, text } of code) {
    for (const word of text.split(/\s+/)) {
      const repoPath = repositoryPath(word);
      if (repoPath === undefined) continue;
      const problem = repoPath.startsWith("../")
        ? "points outside the repository"
        : existsSync(path.join(ROOT, repoPath))
          ? undefined
          : "no such file or folder";
      found.push({ line, text: repoPath, problem });
    }
  }
  return found;
}

describe.each(DOCS)("%s", (doc) => {
  it("names only files, folders and headings that exist", () => {
    const found = references(doc);
    // A file that names nothing the scan can find would pass on nothing: every doc here links.
    expect(found.length).toBeGreaterThan(0);
    const broken = found
      .filter((reference) => reference.problem)
      .sort((a, b) => a.line - b.line)
      .map(({ line, text, problem }) => `${doc}:${line}: ${text}: ${problem}`);
    expect(broken).toEqual([]);
  });
});

it("keeps the README an index of at most 200 lines", () => {
  const lines = readFileSync(path.join(ROOT, "README.md"), "utf8").trimEnd().split("\n");
  expect(lines.length).toBeLessThanOrEqual(README_MAX_LINES);
});

it("checks the README and every doc, the decision records among them", () => {
  expect(DOCS).toContain("README.md");
  expect(DOCS).toContain(path.join("docs", "design.md"));
  expect(DOCS.filter((doc) => doc.startsWith(path.join("docs", "decisions")))).not.toEqual([]);
});
