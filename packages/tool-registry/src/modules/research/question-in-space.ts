import { and, eq } from 'drizzle-orm';
import { notFound } from '../../errors';
import type { ToolContext } from '../../tool-spec';
import { researchQuestions } from './table';

/** Throws NOT_FOUND unless the question exists in the caller's space. */
export async function assertQuestionInSpace(ctx: ToolContext, questionId: string): Promise<void> {
  const [row] = await ctx.db
    .select({ id: researchQuestions.id })
    .from(researchQuestions)
    .where(and(eq(researchQuestions.id, questionId), eq(researchQuestions.spaceId, ctx.spaceId)));
  if (!row) throw notFound('research question', questionId);
}
