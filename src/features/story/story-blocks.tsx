import type { ReactNode } from "react";
import type { Block, Photo } from "@/content/schema";
import { dominantDirection, type TextDirection } from "@/content/text-direction";
import { Figure } from "@/shared/figure";
import { PartErrorBoundary } from "@/shared/part-error-boundary";

type Props = {
  blocks: Block[];
  lang: string;
  dir: TextDirection;
  /** How a photo block shows: by default its figure; a lite page's is a link to it (scripts/lite). */
  renderPhoto?: (photo: Photo) => ReactNode;
  /** The story shows a photo above its body: every photo of the body comes later. */
  photoAbove: boolean;
};

/**
 * The story body: one component per block type, chosen by a single switch. The `never`
 * check makes a new block type that nobody renders a type error, not a silent gap. Text is
 * always rendered as text, so markup in a story shows as characters and never runs. Each
 * text block reads in the direction most of its letters do (see dominantDirection). A block
 * that fails to render (a block type this build does not know, malformed data from a stale
 * cache) is replaced by a note; the rest of the story still shows.
 */
export function StoryBlocks({ blocks, lang, dir, renderPhoto, photoAbove }: Props) {
  // The story's first photo loads in data saver mode too; the later ones wait to be asked for.
  const firstPhoto = photoAbove ? -1 : blocks.findIndex((block) => block.type === "photo");
  return (
    <div className="story-body">
      {blocks.map((block, index) => (
        <PartErrorBoundary
          // Blocks have no ids and never reorder on the client, so the position is stable.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={index}
          resetKey={block}
          message="This part of the story could not be shown."
        >
          <StoryBlock
            block={block}
            lang={lang}
            dir={dir}
            renderPhoto={renderPhoto}
            later={index !== firstPhoto}
          />
        </PartErrorBoundary>
      ))}
    </div>
  );
}

function StoryBlock({
  block,
  lang,
  dir,
  renderPhoto,
  later,
}: Omit<Props, "blocks" | "photoAbove"> & { block: Block; later: boolean }) {
  switch (block.type) {
    case "paragraph":
      return <p dir={dominantDirection(block.text)}>{block.text}</p>;
    case "heading":
      return <h2 dir={dominantDirection(block.text)}>{block.text}</h2>;
    case "quote":
      return (
        <blockquote dir={dominantDirection(`${block.text} ${block.cite ?? ""}`)}>
          <p>{block.text}</p>
          {block.cite ? <cite>{block.cite}</cite> : null}
        </blockquote>
      );
    case "list": {
      const items = block.items.map((item, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items are static text
        <li key={index} dir={dominantDirection(item)}>
          {item}
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case "photo":
      return renderPhoto ? (
        renderPhoto(block.photo)
      ) : (
        <Figure photo={block.photo} later={later} lang={lang} dir={dir} />
      );
    default:
      return assertNever(block);
  }
}

function assertNever(block: never): never {
  throw new Error(`No renderer for block ${JSON.stringify(block)}`);
}
