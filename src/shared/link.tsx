/**
 * The app's in-page links, built on react-router's own `useHref` and `useLinkClickHandler`.
 *
 * react-router's `Link` also carries framework-mode machinery this app never uses (route
 * discovery, `prefetch="intent"` page links, view transitions); that code is about 4 KB gzip
 * of the initial JavaScript (budget: 100 KB as brotli), so the app links through these instead. Following a
 * link behaves the same: a plain click navigates in the app, while modified clicks (new tab,
 * new window, download) and `target`s other than `_self` are left to the browser.
 */
import type { AnchorHTMLAttributes, Ref } from "react";
import { useHref, useLinkClickHandler, useLocation } from "react-router";
import { withBase } from "@/shared/with-base";

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  /** An absolute path inside the app, such as `/stories/<id>` (the base path is added). */
  to: string;
  ref?: Ref<HTMLAnchorElement>;
};

/**
 * A link in the app. On the server it is its address alone: a prerendered page has no click to
 * handle, and `to` under the base path (the router's basename) is the href react-router
 * makes of it (link.test.tsx renders both and compares them). A page draws some
 * thirty links, an archive 100,000 pages: the router's hooks were an eighth of prerendering.
 */
export function Link(props: LinkProps) {
  return import.meta.env.SSR ? <PrerenderedLink {...props} /> : <AppLink {...props} />;
}

/** What a link renders to on the server (exported for the test that compares the two). */
export function PrerenderedLink({ to, target, ref: _ref, onClick: _onClick, ...rest }: LinkProps) {
  return <a {...rest} href={withBase(to)} target={target} />;
}

/** What a link renders to in the browser (exported for the test that compares the two). */
export function AppLink({ to, onClick, target, ref, ...rest }: LinkProps) {
  const href = useHref(to);
  const navigateInApp = useLinkClickHandler<HTMLAnchorElement>(to, { target });
  return (
    <a
      {...rest}
      ref={ref}
      href={href}
      target={target}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) navigateInApp(event);
      }}
    />
  );
}

/**
 * A navigation link that tells assistive technology, and the stylesheet, which page is
 * showing: `aria-current="page"` on its own address, and below it unless `end` is set.
 */
export function NavLink({ end = false, ...props }: LinkProps & { end?: boolean }) {
  const { pathname } = useLocation();
  const current = pathname === props.to || (!end && pathname.startsWith(`${props.to}/`));
  return <Link {...props} aria-current={current ? "page" : undefined} />;
}
