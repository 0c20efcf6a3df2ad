// One shape for the decision steps of story 36.1 (drifted module copies, similar inline blocks,
// near-identical functions): copies that are alike but not identical stay apart unless the user
// picks a variant, which runs `transform` with that variant's params; `keep-apart` is a skip.
import type { DecisionOption, PlanStep } from './planTypes.ts';

export interface VariantDecision {
  id: string;
  title: string;
  description: string;
  behaviourChange: string;
  question: string;
  /** The transform a chosen variant runs. */
  transform: string;
  /** One option per variant (its id, label and the transform's params). */
  variants: Required<DecisionOption>[];
  /** Label of the `keep-apart` option (what staying apart means for these copies). */
  keepApart: string;
  diff?: string;
}

export function variantDecision(d: VariantDecision): PlanStep {
  return {
    id: d.id,
    story: '36.1',
    title: d.title,
    description: d.description,
    transform: 'decision',
    params: {},
    dependsOn: [],
    reads: [],
    sizeImpact: [],
    behaviourChange: d.behaviourChange,
    decision: {
      question: d.question,
      transform: d.transform,
      options: [...d.variants, { id: 'keep-apart', label: d.keepApart }],
      diff: d.diff,
    },
  };
}
