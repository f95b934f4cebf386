// Placeholder until the command is implemented (owned by the helper that builds it).
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export function registerReferentiel(_program: Command, _ctx: CliContext): void {}
