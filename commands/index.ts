// Every command, listed explicitly (no folder scanning): this list drives the router, /help,
// Discord registration and the Slack manifest. /help comes first because it is the way in.
import type { Command } from './command.js';
import { askCommand } from './ask.js';
import { briefCommand } from './brief.js';
import { companyCommand } from './company.js';
import { compareCommand } from './compare.js';
import { digestCommand } from './digest.js';
import { flowCommand } from './flow.js';
import { helpCommand } from './help.js';
import { layerCommand } from './layer.js';
import { marginCommand } from './margin.js';
import { moatCommand } from './moat.js';
import { scenarioCommand } from './scenario.js';
import { schedulesCommand, unscheduleCommand } from './schedules.js';

export const commands: readonly Command[] = [
  helpCommand,
  layerCommand,
  moatCommand,
  companyCommand,
  compareCommand,
  askCommand,
  marginCommand,
  flowCommand,
  scenarioCommand,
  briefCommand,
  digestCommand,
  schedulesCommand,
  unscheduleCommand,
];
