// Escaping text for HTML: every piece of text that comes from a scenario (its name, summary, node
// names, fault labels, event details) goes through here before it enters report.html, so a
// summary like `<script>…` shows as text and never runs. Escapes the five characters that can
// end a text node or an attribute value.

const entities: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char]);
}
