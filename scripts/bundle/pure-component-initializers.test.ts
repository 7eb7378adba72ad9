import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { build, type Plugin, type Rolldown } from "vite";
import { describe, expect, it } from "vitest";
import {
  markComponentInitializersPure,
  pureComponentInitializers,
} from "./pure-component-initializers.ts";

const SAMPLE = `
import * as React10 from "react";
var Link = React10.forwardRef(function LinkWithRef(props, ref) {
  return React10.createElement("a", { ...props, ref });
});
Link.displayName = "Link";
var Plain = React10.forwardRef(function Plain() {});
var Other = helpers.forwardRef(function Other() {});
Other.displayName = "Other";
var Elsewhere = React10.createContext(null);
Link.displayName = "NotElsewhere";
`;

describe("markComponentInitializersPure", () => {
  it("folds a React component initializer and its displayName into one pure IIFE", () => {
    const result = markComponentInitializersPure(SAMPLE, "sample.mjs");
    expect(result?.names).toEqual(["Link"]);
    expect(result?.code).toContain(
      "var Link = /* @__PURE__ */ (() => { const component = React10.forwardRef(function LinkWithRef",
    );
    expect(result?.code).toContain('component.displayName = "Link"; return component; })();');
    expect(result?.code).not.toMatch(/^Link\.displayName = "Link";$/m);
  });

  it("keeps what it cannot prove: no displayName, a non-React factory, another variable's name", () => {
    const code = markComponentInitializersPure(SAMPLE, "sample.mjs")?.code ?? "";
    expect(code).toContain("var Plain = React10.forwardRef(function Plain() {});");
    expect(code).toContain(
      'var Other = helpers.forwardRef(function Other() {});\nOther.displayName = "Other";',
    );
    expect(code).toContain(
      'var Elsewhere = React10.createContext(null);\nLink.displayName = "NotElsewhere";',
    );
  });

  it("gives a component that still carries its displayName when it is used", () => {
    const code = markComponentInitializersPure(SAMPLE, "sample.mjs")?.code ?? "";
    const forwardRef = (render: unknown) => ({ render });
    const run = new Function(
      "React10",
      "helpers",
      `${code.replace(/^import .*$/m, "")}; return { Link, Plain };`,
    );
    const { Link, Plain } = run({ forwardRef, createContext: () => ({}) }, { forwardRef });
    expect(Link).toMatchObject({ displayName: "NotElsewhere" });
    expect(Plain).not.toHaveProperty("displayName");
  });

  it("finds Link, NavLink and Form in the installed react-router (else this plugin is obsolete)", () => {
    const dist = path.resolve("node_modules/react-router/dist/production");
    const names = readdirSync(dist)
      .filter((file) => file.endsWith(".mjs"))
      .map((file) => path.join(dist, file))
      .flatMap(
        (file) => markComponentInitializersPure(readFileSync(file, "utf8"), file)?.names ?? [],
      );
    expect(names).toEqual(expect.arrayContaining(["Link", "NavLink", "Form"]));
  });
});

/** Bundles an entry that uses react-router's hooks but none of its link components. */
async function bundleHooksOnly(plugins: Plugin[]) {
  const entry: Plugin = {
    name: "entry",
    resolveId: (id) => (id === "virtual:entry" ? id : null),
    load: (id) =>
      id === "virtual:entry"
        ? 'import { useHref, useLinkClickHandler } from "react-router"; export { useHref, useLinkClickHandler };'
        : null,
  };
  const output = (await build({
    configFile: false,
    logLevel: "silent",
    plugins: [entry, ...plugins],
    build: {
      write: false,
      minify: false,
      rolldownOptions: { input: "virtual:entry", preserveEntrySignatures: "strict" },
    },
  })) as Rolldown.RolldownOutput;
  return output.output.map((chunk) => ("code" in chunk ? chunk.code : "")).join("\n");
}

describe("pureComponentInitializers (a real bundle)", () => {
  it("drops react-router's unused Link, NavLink and Form, which survive without it", async () => {
    const linkCode = /function LinkWithRef|function NavLinkWithRef|function FormWithRef/;
    expect(await bundleHooksOnly([])).toMatch(linkCode);
    const bundled = await bundleHooksOnly([pureComponentInitializers()]);
    expect(bundled).not.toMatch(linkCode);
    expect(bundled).toContain("function useLinkClickHandler");
  }, 60_000);
});
