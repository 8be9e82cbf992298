// Slack's mrkdwn treats "&", "<" and ">" as control characters (docs.slack.dev, "Formatting
// message text", Escaping): "<!channel>" pings a channel, "<@U123>" a person, "<!subteam^S1>" a
// group. Text arrives from Slack in that form (what people typed escaped, what Slack linked as
// markup); the adapter reads it into plain text once (fromSlack), everything downstream works on
// plain text, and every piece of it is escaped once on the way out (escapeMrkdwn). So "R&D" is
// "R&amp;D" on the wire and on screen "R&D", never "R&amp;D".

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/**
 * Slack's wire text -> what the person sees: "<@U1|ana>" -> "@ana", "<#C1|general>" -> "#general",
 * "<!here>" -> "@here", "<https://x|report>" -> "report", then "&lt;" -> "<". Markup first and
 * entities last, so an "&lt;!channel&gt;" someone typed becomes the text "<!channel>", not markup.
 */
export function fromSlack(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (whole, inner: string) => markupText(inner) ?? whole)
    .replace(/&(?:lt|gt|amp);/g, (e) => ENTITIES[e] ?? e);
}

function markupText(inner: string): string | undefined {
  const bar = inner.indexOf('|');
  const [target, label] = bar < 0 ? [inner, ''] : [inner.slice(0, bar), inner.slice(bar + 1)];
  if (/^@[UW][A-Z0-9]+$/.test(target)) return `@${label || target.slice(1)}`;
  if (/^#[CGD][A-Z0-9]+$/.test(target)) return `#${label || target.slice(1)}`;
  if (/^!(channel|here|everyone)$/.test(target)) return `@${target.slice(1)}`;
  if (target.startsWith('!subteam^')) return label ? `@${label.replace(/^@/, '')}` : '@team';
  if (target.startsWith('!date^')) return label;
  if (/^(https?|mailto|tel):/i.test(target)) return label || target.replace(/^mailto:/i, '');
  return undefined;
}

/**
 * Plain text -> mrkdwn that shows it as typed: & < > escaped, so no markup (and no ping) can be
 * written through it; "@channel" and friends without brackets get a word joiner so that no
 * auto-linking can turn them into a broadcast.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, '@\u2060$1');
}

/** For text shown inside `code` in mrkdwn: escaped, and a backtick cannot close the span early. */
export function escapeCode(text: string): string {
  return escapeMrkdwn(text.replace(/`/g, 'ˋ'));
}

/**
 * plain_text is shown as typed and is not parsed for mentions, but a zero-width joiner after "<"
 * costs nothing and keeps the text inert wherever Slack might reuse it (notifications, copies).
 */
export function inertPlainText(text: string): string {
  return text.replace(/<([!@#])/g, '<\u2060$1').replace(/@(channel|here|everyone)\b/gi, '@\u2060$1');
}
