// A channel's messages, whatever the platform: what the digest summariser reads. Adapters (Slack
// conversations.history, Discord channel messages) and export files are turned into these.

export interface ChannelMessage {
  /** The platform's id for the message (Slack ts, Discord snowflake, or a line number). */
  id: string;
  /** Display name, or the user id when no name is known. */
  author: string;
  text: string;
  at: Date;
  /** The id of the thread's first message, for replies in a thread. */
  threadId?: string;
  /** Replies in the message's thread, when the source says. */
  replyCount: number;
  /** Reactions, all kinds added together. */
  reactions: number;
  /** A link to the message, when the platform has one. */
  link?: string;
}

export interface ChannelHistoryResult {
  messages: ChannelMessage[];
  /** Why the history may be incomplete (rate limits, a page cap), in words the digest shows. */
  incomplete?: 'rate_limited' | 'page_cap' | 'no_content_access';
  /**
   * The period the messages cover, when the source fixes it (an export file covers its own dates,
   * not "the last N days").
   */
  period?: { from: Date; to: Date };
}

/** Where a channel's recent messages come from. */
export interface ChannelHistory {
  read(since: Date, until: Date): Promise<ChannelHistoryResult>;
}
