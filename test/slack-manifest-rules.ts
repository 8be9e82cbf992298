// Slack's rules for an app manifest, as far as this bot's manifest uses them, written down from
// Slack's published JSON schema (github.com/slackapi/manifest-schema, schemas/manifest.schema.1.0.0.json)
// and the manifest reference (docs.slack.dev/reference/app-manifest): required fields, lengths,
// patterns, no unknown keys, and the request URLs that HTTP mode needs and Socket Mode does not.
// Returns every problem found, worded with the path, so a failing test says what Slack would refuse.

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function manifestProblems(manifest: unknown): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => {
    if (!ok) problems.push(problem);
  };
  const onlyKeys = (obj: Json, path: string, allowed: string[]) => {
    for (const key of Object.keys(obj)) check(allowed.includes(key), `${path}.${key} is not a manifest field`);
  };
  const text = (value: unknown, path: string, min: number, max: number, required: boolean, pattern?: RegExp) => {
    if (value === undefined) {
      check(!required, `${path} is required`);
      return;
    }
    if (typeof value !== 'string') {
      problems.push(`${path} must be a string`);
      return;
    }
    check(value.length >= min, `${path} must have at least ${min} characters (has ${value.length})`);
    check(value.length <= max, `${path} must have at most ${max} characters (has ${value.length})`);
    if (pattern) check(pattern.test(value), `${path} must match ${pattern}`);
  };
  const url = /^https?:\/\//;

  if (!isObject(manifest)) return ['the manifest must be an object'];
  onlyKeys(manifest, 'manifest', ['_metadata', 'display_information', 'features', 'oauth_config', 'settings']);

  const display = manifest.display_information;
  if (!isObject(display)) problems.push('display_information is required');
  else {
    onlyKeys(display, 'display_information', ['name', 'description', 'background_color', 'long_description']);
    text(display.name, 'display_information.name', 1, 35, true);
    text(display.description, 'display_information.description', 1, 140, false);
    text(display.background_color, 'display_information.background_color', 4, 7, false, /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/);
    text(display.long_description, 'display_information.long_description', 175, 4000, false);
  }

  const settings = isObject(manifest.settings) ? manifest.settings : {};
  onlyKeys(settings, 'settings', [
    'allowed_ip_address_ranges',
    'event_subscriptions',
    'incoming_webhooks',
    'interactivity',
    'org_deploy_enabled',
    'socket_mode_enabled',
    'is_hosted',
    'token_rotation_enabled',
  ]);
  const socketMode = settings.socket_mode_enabled === true;

  const features = isObject(manifest.features) ? manifest.features : {};
  onlyKeys(features, 'features', ['app_home', 'bot_user', 'shortcuts', 'slash_commands', 'unfurl_domains', 'workflow_steps']);
  if (features.bot_user !== undefined) {
    const bot = isObject(features.bot_user) ? features.bot_user : {};
    onlyKeys(bot, 'features.bot_user', ['display_name', 'always_online']);
    text(bot.display_name, 'features.bot_user.display_name', 1, 80, true);
  }
  const commands = features.slash_commands;
  if (commands !== undefined) {
    if (!Array.isArray(commands)) problems.push('features.slash_commands must be a list');
    else {
      check(commands.length >= 1 && commands.length <= 50, 'features.slash_commands must hold 1 to 50 commands');
      const names = new Set<string>();
      for (const [i, c] of commands.entries()) {
        const path = `features.slash_commands[${i}]`;
        if (!isObject(c)) {
          problems.push(`${path} must be an object`);
          continue;
        }
        onlyKeys(c, path, ['command', 'url', 'description', 'usage_hint', 'should_escape']);
        text(c.command, `${path}.command`, 2, 32, true, /^\//);
        // Conservative: ASCII lowercase names are what every Slack workspace accepts.
        check(typeof c.command === 'string' && /^\/[a-z0-9_-]+$/.test(c.command), `${path}.command should be lowercase ASCII`);
        check(!names.has(String(c.command)), `${path}.command ${String(c.command)} is declared twice`);
        names.add(String(c.command));
        text(c.description, `${path}.description`, 1, 2000, true);
        text(c.usage_hint, `${path}.usage_hint`, 1, 1000, false);
        text(c.url, `${path}.url`, 1, 3000, !socketMode, url);
        if (c.should_escape !== undefined) check(typeof c.should_escape === 'boolean', `${path}.should_escape must be a boolean`);
      }
    }
  }

  const oauth = isObject(manifest.oauth_config) ? manifest.oauth_config : {};
  onlyKeys(oauth, 'oauth_config', ['redirect_urls', 'scopes', 'token_management_enabled', 'pkce_enabled']);
  const scopes = isObject(oauth.scopes) ? oauth.scopes : {};
  onlyKeys(scopes, 'oauth_config.scopes', ['bot', 'user', 'bot_optional', 'user_optional']);
  const bot = Array.isArray(scopes.bot) ? scopes.bot : [];
  check(bot.length <= 255, 'oauth_config.scopes.bot holds at most 255 scopes');
  for (const [i, s] of bot.entries()) text(s, `oauth_config.scopes.bot[${i}]`, 1, 50, true);

  if (settings.event_subscriptions !== undefined) {
    const events = isObject(settings.event_subscriptions) ? settings.event_subscriptions : {};
    onlyKeys(events, 'settings.event_subscriptions', ['request_url', 'bot_events', 'user_events', 'metadata_subscriptions']);
    const botEvents = Array.isArray(events.bot_events) ? events.bot_events : [];
    check(
      botEvents.length <= 100 && new Set(botEvents).size === botEvents.length,
      'settings.event_subscriptions.bot_events: at most 100, unique',
    );
    for (const [i, e] of botEvents.entries()) text(e, `settings.event_subscriptions.bot_events[${i}]`, 1, 50, true);
    // Events reach an HTTP app at its request URL; a Socket Mode app gets them over the socket.
    text(events.request_url, 'settings.event_subscriptions.request_url', 1, 3500, !socketMode && botEvents.length > 0, url);
    if (botEvents.length) check(features.bot_user !== undefined, 'bot events need features.bot_user');
  }
  if (settings.interactivity !== undefined) {
    const interactivity = isObject(settings.interactivity) ? settings.interactivity : {};
    onlyKeys(interactivity, 'settings.interactivity', ['is_enabled', 'request_url', 'message_menu_options_url']);
    check(typeof interactivity.is_enabled === 'boolean', 'settings.interactivity.is_enabled is required');
    text(interactivity.request_url, 'settings.interactivity.request_url', 1, 3500, !socketMode && interactivity.is_enabled === true, url);
  }
  if (socketMode) {
    // Not an error for Slack, but a Socket Mode manifest pointing at a URL would send traffic nowhere.
    const urls = JSON.stringify(manifest).match(/"(url|request_url)":/g) ?? [];
    check(urls.length === 0, 'a Socket Mode manifest should declare no request URLs');
  }
  return problems;
}
