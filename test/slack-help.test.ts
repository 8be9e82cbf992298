// Slack registers only the English command names (the manifest's), so /help on Slack says how the
// Chinese names work there (after /genai), and they do; the shell keeps its "/公司" form.
import { describe, expect, it } from 'vitest';
import { allText, ask, router } from './helpers.js';
import { json, startSlackServer } from './slack-helpers.js';

const onSlack = (text: string, lang?: 'en' | 'zh') =>
  router.handle({
    platform: 'slack',
    command: '',
    args: text,
    userId: 'slack:T1:U1',
    channelId: 'slack:T1:C1',
    isAdmin: false,
    ...(lang ? { lang } : {}),
  });

describe('/help about the Chinese command names', () => {
  it('says on Slack that they work after /genai, in both languages', async () => {
    expect(allText(await onSlack('/help'))).toMatch(/On Slack, the Chinese command names work after \/genai: \/genai 公司 英伟达/);
    const zh = await onSlack('/help', 'zh');
    expect(allText(zh)).toMatch(/在 Slack 上,中文命令名写在 \/genai 之后/);
    expect(zh.table?.rows.find((r) => r[0]?.startsWith('/company'))?.[0]).toBe('/company <name>(/genai 公司)');
  });

  it('keeps the shell’s own form, even after Slack asked the same (replies are cached per platform)', async () => {
    await onSlack('/help', 'zh');
    const shell = await ask('/help', 'zh');
    expect(allText(shell)).not.toMatch(/Slack/);
    expect(shell.table?.rows.find((r) => r[0]?.startsWith('/company'))?.[0]).toBe('/company <name>(/公司)');
  });

  it('and /genai 公司 英伟达 answers on Slack', async () => {
    const slack = await startSlackServer();
    const body = await json(await slack.command({ command: '/genai', text: '公司 英伟达' }));
    expect(body.blocks[0].text.text).toMatch(/英伟达|NVIDIA/);
    await slack.close();
  });
});
