import type { ResponseData } from './response-data.js';

/**
 * The two groups a DIF analysis compares: the ones asked for (reported when unknown), else the two
 * group labels of the answers when there are exactly two (the larger as reference), else a note
 * saying why there is no DIF analysis. @internal
 */
export function resolveDif(
  answers: ResponseData,
  option: { reference: string; focal: string } | false | undefined,
  report: (path: string, message: string) => void,
): { reference: string; focal: string } | { skipped: string } {
  if (option === false) return { skipped: 'turned off' };
  if (option !== undefined) {
    const known = answers.groups.map((g) => JSON.stringify(g)).join(', ') || 'none';
    if (!answers.groups.includes(option.reference)) report('dif.reference', `expected a group of the answers (${known}), found ${JSON.stringify(option.reference)}`);
    if (!answers.groups.includes(option.focal)) report('dif.focal', `expected a group of the answers (${known}), found ${JSON.stringify(option.focal)}`);
    if (option.reference === option.focal) report('dif.focal', 'expected a group other than the reference group');
    return { reference: option.reference, focal: option.focal };
  }
  if (answers.groups.length === 0) return { skipped: 'the answers carry no group' };
  if (answers.groups.length > 2) return { skipped: `the answers carry ${answers.groups.length} groups; choose two with the dif option` };
  if (answers.groups.length === 1) return { skipped: 'the answers carry a single group' };
  const sizes = answers.groups.map((_, g) => answers.group.reduce((n, x) => n + (x === g ? 1 : 0), 0));
  const [first, second] = answers.groups as [string, string];
  return sizes[1]! > sizes[0]! ? { reference: second, focal: first } : { reference: first, focal: second };
}
