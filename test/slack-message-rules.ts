// Slack's rules for a message the bot sends (a slash command response, a response_url post, a
// chat.postMessage), as far as the bot's messages use them, from Block Kit's reference
// (docs.slack.dev/reference/block-kit): at most 50 blocks and never an empty list; a header's
// plain text 1-150 characters; a section's text 1-3,000, or 1-10 fields of 1-2,000; a context's
// 1-10 elements; an actions block's 1-25 elements; a button's text 1-75, action_id up to 255 and
// value up to 2,000; an image's alt text 1-2,000. And the rule this bot adds: no mrkdwn it sends
// holds markup it did not write, so nothing a person typed can ping anyone.

type Json = Record<string, any>;

export interface MessageRuleOptions {
  /** Mentions the bot itself wrote on purpose ("<@U123>" of the person who shared). */
  botMentions?: readonly string[];
}

export function slackMessageProblems(message: Json, options: MessageRuleOptions = {}): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const length = (value: unknown, path: string, min: number, max: number) => {
    if (typeof value !== 'string') return problems.push(`${path} must be a string`);
    check(value.length >= min && value.length <= max, `${path} must have ${min}-${max} characters (has ${value.length})`);
  };
  const mrkdwn: { path: string; text: string }[] = [];
  const textObject = (obj: Json | undefined, path: string, max: number, type?: 'plain_text') => {
    if (!obj || typeof obj !== 'object') return problems.push(`${path} is required`);
    check(type ? obj.type === type : ['plain_text', 'mrkdwn'].includes(obj.type), `${path}.type ${obj.type} is not allowed here`);
    length(obj.text, `${path}.text`, 1, max);
    if (obj.type === 'mrkdwn' && typeof obj.text === 'string') mrkdwn.push({ path: `${path}.text`, text: obj.text });
  };

  length(message.text, 'text', 1, 40_000);
  if (typeof message.text === 'string') mrkdwn.push({ path: 'text', text: message.text });
  if (message.blocks !== undefined) {
    const blocks: Json[] = Array.isArray(message.blocks) ? message.blocks : [];
    check(Array.isArray(message.blocks), 'blocks must be a list');
    check(blocks.length >= 1 && blocks.length <= 50, `blocks must hold 1-50 blocks (has ${blocks.length}); leave it out instead of empty`);
    for (const [i, block] of blocks.entries()) {
      const path = `blocks[${i}]`;
      if (block.block_id !== undefined) length(block.block_id, `${path}.block_id`, 1, 255);
      switch (block.type) {
        case 'header':
          textObject(block.text, `${path}.text`, 150, 'plain_text');
          break;
        case 'section':
          check(block.text !== undefined || block.fields !== undefined, `${path} needs text or fields`);
          if (block.text !== undefined) textObject(block.text, `${path}.text`, 3000);
          if (block.fields !== undefined) {
            check(Array.isArray(block.fields) && block.fields.length >= 1 && block.fields.length <= 10, `${path}.fields must hold 1-10`);
            for (const [j, field] of (block.fields ?? []).entries()) textObject(field, `${path}.fields[${j}]`, 2000);
          }
          break;
        case 'context':
          check(
            Array.isArray(block.elements) && block.elements.length >= 1 && block.elements.length <= 10,
            `${path}.elements must hold 1-10`,
          );
          for (const [j, element] of (block.elements ?? []).entries()) textObject(element, `${path}.elements[${j}]`, 3000);
          break;
        case 'actions':
          check(
            Array.isArray(block.elements) && block.elements.length >= 1 && block.elements.length <= 25,
            `${path}.elements must hold 1-25`,
          );
          for (const [j, button] of (block.elements ?? []).entries()) {
            const at = `${path}.elements[${j}]`;
            check(button.type === 'button', `${at} is not a button`);
            textObject(button.text, `${at}.text`, 75, 'plain_text');
            length(button.action_id, `${at}.action_id`, 1, 255);
            if (button.value !== undefined) length(button.value, `${at}.value`, 1, 2000);
          }
          break;
        case 'image':
          length(block.alt_text, `${path}.alt_text`, 1, 2000);
          if (block.title !== undefined) textObject(block.title, `${path}.title`, 2000, 'plain_text');
          check(Boolean(block.slack_file?.id || block.image_url), `${path} needs slack_file or image_url`);
          break;
        default:
          problems.push(`${path}.type ${block.type} is not one the bot sends`);
      }
    }
  }
  for (const { path, text } of mrkdwn) problems.push(...markupProblems(text, path, options.botMentions ?? []));
  return problems;
}

/**
 * In mrkdwn, "<" opens markup (a mention, a link) and "&" an escape. With the bot's own mentions
 * taken out, no "<" or ">" may be left raw, and every "&" must begin one of the three escapes:
 * then nothing a person typed was let through as markup. Bare "@channel", "@here", "@everyone"
 * must carry the word joiner that keeps them from being linked.
 */
export function markupProblems(text: string, path: string, botMentions: readonly string[]): string[] {
  const problems: string[] = [];
  let rest = text;
  for (const mention of botMentions) rest = rest.split(mention).join('');
  const raw = /[<>]|&(?!(?:amp|lt|gt);)/.exec(rest);
  if (raw) problems.push(`${path} has a raw "${raw[0]}" near "${rest.slice(Math.max(0, raw.index - 20), raw.index + 20)}"`);
  const live = /<(?:!channel|!here|!everyone|!subteam\^|@[UW]|#[CG])/.exec(rest);
  if (live) problems.push(`${path} holds a live mention near "${rest.slice(Math.max(0, live.index - 20), live.index + 30)}"`);
  if (/@(channel|here|everyone)\b/i.test(rest)) problems.push(`${path} holds a bare @channel/@here/@everyone`);
  return problems;
}
