/**
 * Lets the bundler drop the react-router components the app never renders.
 *
 * react-router ships each component as a top-level initializer plus a property assignment:
 *
 *   var Link = React10.forwardRef(…);
 *   Link.displayName = "Link";
 *
 * A bundler cannot prove that `forwardRef(…)` has no side effects, and the assignment mutates
 * the result, so both survive tree-shaking even when nothing imports them. `Link`, `NavLink` and
 * `Form` keep their prefetch, route-discovery and form-submission code alive with them: about
 * 4 KB gzip of the initial JavaScript (budget: 100 KB as brotli). This plugin applies the change proposed upstream in
 * remix-run/react-router#15299: each such pair becomes one `/* @__PURE__ *\/` IIFE, which the
 * bundler keeps whole when the component is used and removes whole when it is not.
 *
 * Only React's factories that return plain objects (`forwardRef`, `memo`, `createContext`) are
 * wrapped, and only when the next statement names that same variable, so a change
 * in react-router's output leaves it untouched rather than breaking it.
 */
import MagicString from "magic-string";
import { type ESTree, type Plugin, parseSync } from "vite";

const PURE_REACT_FACTORIES = new Set(["forwardRef", "memo", "createContext"]);
const REACT_ROUTER_DIST = /[\\/]node_modules[\\/]react-router[\\/]dist[\\/].+\.m?js$/;

type Initializer = {
  name: string;
  init: ESTree.Expression;
  displayName: ESTree.ExpressionStatement;
};

function pureReactFactoryCall(node: ESTree.Expression | null | undefined): boolean {
  if (node?.type !== "CallExpression") return false;
  const callee = node.callee;
  return (
    callee.type === "MemberExpression" &&
    !callee.computed &&
    callee.object.type === "Identifier" &&
    /^React\d*$/.test(callee.object.name) &&
    callee.property.type === "Identifier" &&
    PURE_REACT_FACTORIES.has(callee.property.name)
  );
}

function assignsDisplayNameTo(statement: ESTree.Statement | undefined, name: string) {
  if (statement?.type !== "ExpressionStatement") return false;
  const expression = statement.expression;
  return (
    expression.type === "AssignmentExpression" &&
    expression.operator === "=" &&
    expression.left.type === "MemberExpression" &&
    !expression.left.computed &&
    expression.left.object.type === "Identifier" &&
    expression.left.object.name === name &&
    expression.left.property.type === "Identifier" &&
    expression.left.property.name === "displayName"
  );
}

/** Top-level `var X = React.forwardRef(…); X.displayName = …;` pairs in a module. */
function findComponentInitializers(program: ESTree.Program): Initializer[] {
  const found: Initializer[] = [];
  program.body.forEach((statement, index) => {
    if (statement.type !== "VariableDeclaration" || statement.declarations.length !== 1) return;
    const [declarator] = statement.declarations;
    if (declarator?.id.type !== "Identifier" || !pureReactFactoryCall(declarator.init)) return;
    const next = program.body[index + 1];
    if (!declarator.init || !assignsDisplayNameTo(next, declarator.id.name)) return;
    found.push({
      name: declarator.id.name,
      init: declarator.init,
      displayName: next as ESTree.ExpressionStatement,
    });
  });
  return found;
}

/** The module with each initializer pair folded into one pure IIFE; null when there is none. */
export function markComponentInitializersPure(code: string, filename: string) {
  const initializers = findComponentInitializers(parseSync(filename, code).program);
  if (initializers.length === 0) return null;
  const output = new MagicString(code);
  for (const { init, displayName } of initializers) {
    const { right } = displayName.expression as ESTree.AssignmentExpression;
    const name = code.slice(right.start, right.end);
    output.prependLeft(init.start, "/* @__PURE__ */ (() => { const component = ");
    output.appendRight(init.end, `; component.displayName = ${name}; return component; })()`);
    output.remove(displayName.start, displayName.end);
  }
  return {
    code: output.toString(),
    map: output.generateMap({ hires: true, source: filename }),
    names: initializers.map((initializer) => initializer.name),
  };
}

export function pureComponentInitializers(): Plugin {
  return {
    name: "dispatch:pure-component-initializers",
    apply: "build",
    transform: {
      filter: { id: REACT_ROUTER_DIST },
      handler(code, id) {
        const result = markComponentInitializersPure(code, id);
        return result ? { code: result.code, map: result.map } : null;
      },
    },
  };
}
