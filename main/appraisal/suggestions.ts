import type { Ctx } from '../app/context.ts';
import type { TemplateItem } from './rules/index.ts';
import type { Suggestion } from './contract.ts';

// APR-7 with ATT and DIS: where attendance or sanctions exist for the cycle, the attitude items
// show them beside the score as suggestions; they are never applied by themselves.
//
// For the attendance and discipline areas to fill in: register a provider once at start-up (for
// example from the area's handlers module, which the app imports before any call is served):
//
//   registerSuggestionProvider((ctx, { personId, from, to, attitudeItems }) => [...]);
//
// A provider gets the person, the cycle's days and the template's attitude items, and returns what
// its records say, e.g.
//   { itemKey: 'rules', source: 'attendance', text: '本月迟到 2 次、旷工半天 1 次', suggestedScore: 6 }
// itemKey names an attitude item (the default template's 'rules' is 遵守规章制度, 'responsibility'
// is 工作责任心); suggestions for other keys are dropped. text is in the user's language (t());
// suggestedScore is on the item's scale, or null when the record only informs. The scoring form
// shows them beside the item; the score stays what the superior types.

export interface SuggestionRequest {
  personId: number;
  from: string;
  to: string;
  attitudeItems: TemplateItem[];
}

export type SuggestionProvider = (ctx: Ctx, request: SuggestionRequest) => Suggestion[];

/** Until attendance (ATT-2…7) and sanctions (DIS-1…3) register theirs, there are none. */
const providers: SuggestionProvider[] = [];

export function registerSuggestionProvider(provider: SuggestionProvider): () => void {
  providers.push(provider);
  return () => {
    const at = providers.indexOf(provider);
    if (at >= 0) providers.splice(at, 1);
  };
}

export function attitudeSuggestions(ctx: Ctx, request: SuggestionRequest): Suggestion[] {
  const keys = new Set(request.attitudeItems.map((i) => i.key));
  return providers.flatMap((provide) => provide(ctx, request)).filter((s) => keys.has(s.itemKey));
}
