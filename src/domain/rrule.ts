/**
 * rrule ships a UMD bundle as its CommonJS entry, whose named exports Node's ESM loader can't
 * see; bundlers use its ESM build. Take the module either way, in one place.
 */
import * as rruleNamespace from 'rrule'

const rrule =
  (rruleNamespace as typeof rruleNamespace & { default?: typeof rruleNamespace }).default ??
  rruleNamespace

export const { RRule, RRuleSet, rrulestr } = rrule
