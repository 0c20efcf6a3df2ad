// The plan shapes the epic planner writes (docs/architecture.md, issue 4: plan file schema).
// Kept structural so src/plan/planSchema.ts can validate them when it lands.
export type Story = '36.1' | '36.2' | '36.3' | '36.4' | '36.5' | '36.6';

export interface SizeImpact {
  process: string;
  beforeBytes: number;
  afterBytes: number;
}

export interface DecisionOption {
  id: string;
  label: string;
  params?: Record<string, unknown>;
}

export interface PlanStep {
  id: string;
  story: Story;
  title: string;
  description?: string;
  transform: string;
  params: Record<string, unknown>;
  dependsOn: string[];
  reads: { path: string; sha256: string }[];
  sizeImpact: SizeImpact[];
  skip?: boolean;
  behaviourChange?: string;
  decision?: { question: string; options: DecisionOption[]; diff?: string; choice?: string; transform?: string };
  verify?: { processes: string[] };
  notes?: string[];
}

export interface Plan {
  name: string;
  version: 1;
  /** Made by `migrate plan` (the epic planner): `decide` runs it again after a variant. */
  planner?: 'epic';
  createdAt: string;
  /** Everything-bundle source bytes per process before the first step. */
  baseline: Record<string, number>;
  budgets: { runtimeBytes: number; shellBytes: number };
  steps: PlanStep[];
  /** What the planner left out and why (e.g. a shared module it cannot move). */
  notes?: string[];
}
