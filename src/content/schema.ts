import { z } from "zod";
import { CONTENT_ID_MAX_LENGTH, CONTENT_ID_PATTERN } from "./content-id.ts";

/**
 * The content contract of docs/design.md as one zod schema. The pipeline validates `data/` with it
 * at build time; the client only imports the inferred types (`import type`), so zod never
 * reaches the browser bundle.
 */

const plainText = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

/**
 * A path inside data/: relative, made of plain segments, never `..`, never a URL scheme or an
 * absolute path, so an image can only come from the newsroom's own folder.
 */
const imageSrc = z.string().superRefine((src, ctx) => {
  const problem = imageSrcProblem(src);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export function imageSrcProblem(src: string): string | undefined {
  if (src === "") return "must not be empty";
  if (/^[a-z][a-z0-9+.-]*:/i.test(src))
    return `must be a path inside the data folder, not a URL ("${src}")`;
  if (src.startsWith("/") || src.startsWith("\\"))
    return `must be relative to the data folder, not absolute ("${src}")`;
  const segments = src.split(/[/\\]/);
  if (segments.some((s) => s === ".." || s === "."))
    return `must stay inside the data folder (no "." or ".." segments: "${src}")`;
  if (!segments.every((s) => /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(s)))
    return `must use only letters, digits, "-", "_" and "." in its path ("${src}")`;
  if (!/\.(jpe?g|png|webp|avif)$/i.test(src))
    return `must be a .jpg, .jpeg, .png, .webp or .avif file ("${src}")`;
  return undefined;
}

const isoDateTime = z.iso.datetime({
  offset: true,
  error: "must be an ISO 8601 date-time with an offset, e.g. 2024-09-17T10:30:00Z",
});

const photoSchema = z.strictObject({
  src: imageSrc,
  alt: plainText(500),
  caption: plainText(1000).optional(),
  credit: plainText(200).optional(),
  width: z.int().positive("must be a positive number of pixels"),
  height: z.int().positive("must be a positive number of pixels"),
});

const blockSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("paragraph"), text: plainText(10_000) }),
  z.strictObject({ type: z.literal("heading"), text: plainText(200) }),
  z.strictObject({
    type: z.literal("quote"),
    text: plainText(5_000),
    cite: plainText(200).optional(),
  }),
  z.strictObject({ type: z.literal("photo"), photo: photoSchema }),
  z.strictObject({
    type: z.literal("list"),
    ordered: z.boolean().optional(),
    items: z.array(plainText(2_000)).min(1, "must have at least one item"),
  }),
]);

export const storySchema = z
  .strictObject({
    id: z
      .string()
      .max(CONTENT_ID_MAX_LENGTH, `must be at most ${CONTENT_ID_MAX_LENGTH} characters`)
      .regex(CONTENT_ID_PATTERN, "must be lowercase letters and digits joined by single hyphens"),
    headline: plainText(200),
    summary: plainText(400),
    topics: z.array(z.string()).min(1, "must name at least one topic"),
    publishedAt: isoDateTime,
    updatedAt: isoDateTime.optional(),
    byline: plainText(200).optional(),
    source: plainText(100).optional(),
    dateline: plainText(100).optional(),
    lang: z
      .string()
      .regex(
        /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/,
        "must be a BCP 47 language tag such as en or fa",
      )
      .optional(),
    breaking: z.boolean().optional(),
    specialReport: z.boolean().optional(),
    sample: z.boolean().optional(),
    photo: photoSchema.optional(),
    body: z.array(blockSchema).min(1, "must have at least one block"),
  })
  .superRefine(
    (story, ctx) => {
      if (story.updatedAt && Date.parse(story.updatedAt) < Date.parse(story.publishedAt)) {
        ctx.addIssue({
          code: "custom",
          path: ["updatedAt"],
          message: `must not be before publishedAt (${story.publishedAt})`,
        });
      }
    },
    // zod skips refinements once any field is wrong; the dates need only themselves, so one run
    // reports a date-order problem beside every other one.
    { when: ({ value, issues }) => isObject(value) && !issues.some(concernsDates) },
  );

function isObject(value: unknown): value is object {
  return value !== null && typeof value === "object";
}

function concernsDates(issue: { path?: PropertyKey[] }): boolean {
  return issue.path?.[0] === "publishedAt" || issue.path?.[0] === "updatedAt";
}

const topicSchema = z.strictObject({
  slug: z
    .string()
    .regex(CONTENT_ID_PATTERN, "must be lowercase letters and digits joined by single hyphens"),
  name: plainText(80),
  description: plainText(400).optional(),
});

export const topicsSchema = z.array(topicSchema).min(1, "must list at least one topic");

export type Story = z.infer<typeof storySchema>;
export type Photo = z.infer<typeof photoSchema>;
export type Block = z.infer<typeof blockSchema>;
export type Topic = z.infer<typeof topicSchema>;
