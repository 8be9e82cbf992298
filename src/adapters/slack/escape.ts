// Text users typed comes back in answers ("no company called …"). In Slack's mrkdwn, "<…>" is
// markup: "<!channel>" pings a channel and "<@U123>" a person. Escaping & < > makes them print as
// typed; "@channel" and friends written without brackets get a zero-width joiner so Slack's
// auto-linking cannot turn them into a broadcast.
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, '@\u2060$1');
}

/**
 * plain_text is shown as typed and is not parsed for mentions, but a zero-width joiner after "<"
 * costs nothing and keeps the text inert wherever Slack might reuse it (notifications, copies).
 */
export function inertPlainText(text: string): string {
  return text.replace(/<([!@#])/g, '<\u2060$1').replace(/@(channel|here|everyone)\b/gi, '@\u2060$1');
}
