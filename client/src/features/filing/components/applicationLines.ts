import { type Schemas } from '../../../api/client';

type Line = Schemas['Filing.OccupationLine'];
type LineView = Schemas['Filing.OccupationLineView'];

/** A line as the form holds it: the request's fields, and whether the line is mapped (相邻近原则, FIL-02). */
export type EditorLine = Line & { mapped?: boolean };

/** Exactly the fields of OccupationLine (the server refuses unknown fields, such as the view's "levels" or the form's "mapped"). */
export const toLine = (l: Partial<EditorLine>): Line => {
  const line: Line = {
    name: (l.name ?? '').trim(),
    code: l.code?.trim() || null,
    highestLevel: l.highestLevel!,
    lowestLevel: l.lowestLevel!,
    isNewOccupation: !!l.isNewOccupation,
    evaluationSince: l.evaluationSince ?? null,
    personTimes: l.personTimes ?? 0,
    priorSeniorEvaluation: !!l.priorSeniorEvaluation,
  };
  if (l.mapped !== false && l.mapping?.requestedName?.trim()) {
    line.mapping = { requestedName: l.mapping.requestedName.trim(), reason: (l.mapping.reason ?? '').trim() };
  }
  return line;
};

/** A line of the application view as the form edits it. */
export const toEditorLine = (v: LineView): EditorLine => ({
  ...toLine(v),
  mapped: !!v.requestedName,
  ...(v.requestedName ? { mapping: { requestedName: v.requestedName, reason: v.mappingReason ?? '' } } : {}),
});
