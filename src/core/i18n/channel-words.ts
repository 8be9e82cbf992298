// Every word said about what a channel keeps (/scenario, /schedules, /unschedule, scheduling with
// schedule=…), in English and Chinese. Names, ids and times arrive already written out.
import type { Lang } from './lang.js';

export interface ChannelWords {
  scenariosTitle: string;
  noScenarios: string;
  scenarioColumns: { name: string; inputs: string; savedBy: string; when: string };
  scenarioTitle: (name: string) => string;
  deletedScenario: (name: string) => string;
  scenarioInputs: (inputs: string) => string;
  /** Stands in for the inputs of a scenario saved with none given. */
  allDefaults: string;
  savedBy: (who: string, when: string) => string;

  schedulesTitle: string;
  noSchedules: string;
  scheduleColumns: { id: string; what: string; next: string; state: string };
  stopped: (reason: string) => string;
  active: string;
  unscheduled: (id: string) => string;
  scheduled: (id: string) => string;
  nextPost: (at: string, id: string) => string;
  /** "/brief infra: every mon at 09:00 (Europe/Berlin)"; `when` is `daily` or `weekly(day)`. */
  schedule: (what: string, when: string, time: string, tz: string) => string;
  daily: string;
  weekly: (day: string) => string;
}

const en: ChannelWords = {
  scenariosTitle: 'Saved scenarios',
  noScenarios: 'None yet. Save one with /margin inference=30% save=base',
  scenarioColumns: { name: 'Name', inputs: 'Inputs', savedBy: 'Saved by', when: 'When' },
  scenarioTitle: (name) => `Scenario “${name}”`,
  deletedScenario: (name) => `Deleted scenario “${name}”`,
  scenarioInputs: (inputs) => `Inputs: ${inputs}`,
  allDefaults: '(all defaults)',
  savedBy: (who, when) => `Saved by ${who}, ${when} UTC`,

  schedulesTitle: 'Scheduled in this channel',
  noSchedules: 'None. Schedule one with /digest schedule=weekly day=mon time=09:00 tz=Europe/Berlin',
  scheduleColumns: { id: 'Id', what: 'What', next: 'Next', state: 'State' },
  stopped: (reason) => `stopped: ${reason}`,
  active: 'active',
  unscheduled: (id) => `Stopped schedule ${id}`,
  scheduled: (id) => `Scheduled (id ${id})`,
  nextPost: (at, id) => `Next post: ${at} UTC. To stop it: /unschedule ${id}`,
  schedule: (what, when, time, tz) => `${what}: ${when} at ${time} (${tz})`,
  daily: 'every day',
  weekly: (day) => `every ${day}`,
};

const zh: ChannelWords = {
  scenariosTitle: '已保存的情景',
  noScenarios: '还没有保存任何情景。保存方法:/margin inference=30% save=基准',
  scenarioColumns: { name: '名称', inputs: '输入', savedBy: '保存者', when: '时间' },
  scenarioTitle: (name) => `情景“${name}”`,
  deletedScenario: (name) => `已删除情景“${name}”`,
  scenarioInputs: (inputs) => `输入: ${inputs}`,
  allDefaults: '(全部默认)',
  savedBy: (who, when) => `保存者 ${who}, ${when} UTC`,

  schedulesTitle: '本频道的定时发布',
  noSchedules: '没有。设置方法:/digest schedule=weekly day=mon time=09:00 tz=Asia/Shanghai',
  scheduleColumns: { id: '编号', what: '内容', next: '下次', state: '状态' },
  stopped: (reason) => `已停用: ${reason}`,
  active: '运行中',
  unscheduled: (id) => `已停止定时任务 ${id}`,
  scheduled: (id) => `已设置定时发布(编号 ${id})`,
  nextPost: (at, id) => `下次发布:${at} UTC。停止:/unschedule ${id}`,
  schedule: (what, when, time, tz) => `${what}:${when} ${time}(${tz})`,
  daily: '每天',
  weekly: (day) => `每周 ${day}`,
};

const WORDS: Record<Lang, ChannelWords> = { en, zh };

export function channelWords(lang: Lang): ChannelWords {
  return WORDS[lang];
}
