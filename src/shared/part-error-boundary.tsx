import { Component, type ReactNode } from "react";

type Props = {
  /** What the reader sees instead of the part that failed, e.g. "This story could not be shown." */
  message: string;
  /**
   * The data the part renders. A new value clears the error, so a route that re-renders with
   * other content (the next story) never keeps showing the previous story's failure.
   */
  resetKey: unknown;
  children: ReactNode;
};

type State = { failed: boolean; resetKey: unknown };

/**
 * Contains a rendering failure to one part of a page (a story block, a feed card): that part
 * says it could not be shown and everything around it keeps working. The route's error
 * element stays the last resort for failures outside any part. React itself reports the caught
 * error (console.error, or the root's onCaughtError), so nothing is lost for debugging.
 */
export class PartErrorBoundary extends Component<Props, State> {
  state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p
        lang="en"
        dir="ltr"
        className="my-4 border-s-4 border-[var(--color-rule)] ps-3 text-[0.875em] text-[var(--color-muted)] italic"
      >
        {this.props.message}
      </p>
    );
  }
}
