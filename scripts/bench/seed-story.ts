/** The seed story (data/stories/), the one story page every bench measures. */
export const SEED_STORY_ID = "iran-president-deeper-ties-russia-shoigu-visit";
