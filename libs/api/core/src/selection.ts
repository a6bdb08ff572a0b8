import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  Kind,
  type SelectionSetNode,
} from 'graphql';

/**
 * The fields a request selects below a field, by field name (aliases merged, fragments and
 * inline fragments expanded), each with the fields it selects in turn. `@skip`/`@include` are
 * not evaluated: a field they might leave out counts as selected, which is what a look-ahead
 * that loads data in advance needs (loading a little more never changes the answer).
 */
export type Selection = ReadonlyMap<string, Selection>;

type Collected = Map<string, Collected>;

const EMPTY: Selection = new Map();

function collect(
  set: SelectionSetNode | undefined,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  into: Collected,
  seen: Set<string>,
): void {
  if (!set) return;
  for (const node of set.selections) {
    if (node.kind === Kind.FIELD) {
      const name = node.name.value;
      let child = into.get(name);
      if (!child) into.set(name, (child = new Map()));
      collect(node.selectionSet, fragments, child, seen);
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      collect(node.selectionSet, fragments, into, seen);
    } else {
      const name = node.name.value;
      const fragment = fragments[name];
      // A fragment spread twice on one level adds nothing the first did not (validation forbids cycles).
      if (!fragment || seen.has(name)) continue;
      collect(fragment.selectionSet, fragments, into, new Set([...seen, name]));
    }
  }
}

/** What the current field (`info`) selects below itself. */
export function selectionOf(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Selection {
  const root: Collected = new Map();
  for (const field of info.fieldNodes as readonly FieldNode[])
    collect(field.selectionSet, info.fragments, root, new Set());
  return root;
}

/** The selection at a path below `selection` (empty when any step is not selected). */
export function selectionAt(selection: Selection, ...path: string[]): Selection {
  let current = selection;
  for (const step of path) current = current.get(step) ?? EMPTY;
  return current;
}
