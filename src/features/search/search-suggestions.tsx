import { Link } from "@/shared/link";

/** When nothing is found: what to try instead, and every topic to browse. */
export function SearchSuggestions({
  topicName,
  onAllTopics,
  topics,
}: {
  topicName: string | undefined;
  onAllTopics: () => void;
  topics: { slug: string; name: string }[];
}) {
  return (
    <div className="grid gap-3 py-4">
      <p>Some suggestions:</p>
      <ul className="search-suggestions">
        <li>Check the spelling, or try fewer or different words.</li>
        <li>Search for a word in the story’s own language: Persian stories by Persian words.</li>
        {topicName ? (
          <li>
            Only {topicName} stories were searched.{" "}
            <button type="button" className="link-button" onClick={onAllTopics}>
              Search all topics
            </button>
          </li>
        ) : null}
        <li>
          Browse the <Link to="/">Breaking News</Link>
          {topics.length > 0 ? " or a topic: " : "."}
          {topics.map((topic, index) => (
            <span key={topic.slug}>
              {index > 0 ? ", " : null}
              <Link to={`/topics/${topic.slug}`}>{topic.name}</Link>
            </span>
          ))}
        </li>
      </ul>
    </div>
  );
}
